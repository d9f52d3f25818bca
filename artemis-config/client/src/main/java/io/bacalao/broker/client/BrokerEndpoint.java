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

    /** True when the URL asks for TLS ({@code sslEnabled=true}). */
    public boolean usesTls() {
        return url.toLowerCase(java.util.Locale.ROOT).replace(" ", "").contains("sslenabled=true");
    }

    /**
     * The URL with fail-fast settings: one connection attempt and no transparent reconnection (a send during
     * a broker outage would block); {@link BrokerClient} opens a new connection on the next send instead.
     */
    public String failFastUrl() {
        String sep = url.contains("?") ? "&" : "?";
        return url + sep + "reconnectAttempts=0&initialConnectAttempts=1&callTimeout=10000&connectionTTL=30000";
    }
}
