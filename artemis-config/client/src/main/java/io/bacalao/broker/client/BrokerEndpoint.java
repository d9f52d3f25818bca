package io.bacalao.broker.client;

/**
 * Where a node's broker is and how to log in: an Artemis URL ({@code tcp://host:port}), a user name and the
 * shared token as password (empty = no authentication).
 */
public record BrokerEndpoint(String url, String user, String token) {
    public BrokerEndpoint {
        user = user == null || user.isBlank() ? "bacalao" : user;
        token = token == null ? "" : token;
    }

    /** The URL with reconnection settings: retry forever, backing off from 500 ms to 10 s. */
    public String reconnectingUrl() {
        String sep = url.contains("?") ? "&" : "?";
        return url + sep + "reconnectAttempts=-1&initialConnectAttempts=1&retryInterval=500"
                + "&retryIntervalMultiplier=2&maxRetryInterval=10000&callTimeout=10000";
    }
}
