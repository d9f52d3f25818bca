package io.bacalao.compute.registration;

import io.bacalao.broker.client.BrokerAuthException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * Turns a failure to talk to the orchestrator's broker into the line an operator needs: a wrong token, a TLS
 * connection the broker did not complete (a plain broker, or a certificate Compute.TLS.CACert does not trust),
 * a plain connection a listening broker did not take (a TLS-only broker), or a broker that is away (not
 * listening, or still starting: AMQ229034 "Server not started").
 */
final class LinkDiagnosis {
    /** Whether something listens on host:port at all (a plain TCP connect, closed at once). */
    interface Reachability {
        boolean listening(String host, int port);
    }

    static final Reachability TCP = (host, port) -> {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    };

    private LinkDiagnosis() {
    }

    /**
     * @param url         the broker URL in use ({@code tcp://host:port?…})
     * @param tls         whether this node connects with TLS
     * @param requireTls  Compute.TLS.RequireTLS
     */
    static String describe(RuntimeException e, String url, boolean tls, boolean requireTls, long retrySeconds, Reachability net) {
        String retry = "; retrying in " + retrySeconds + "s";
        String where = hostAndPort(url);
        if (e instanceof BrokerAuthException) {
            return "the orchestrator's broker at " + where + " refused this node's Compute.Auth.Token"
                    + " (or its node ID is bound to another node's secret, see docs/broker-security.md)" + retry;
        }
        URI u = URI.create(url.replaceFirst("\\?.*", ""));
        boolean listening = net.listening(u.getHost(), u.getPort());
        if (tls && listening) {
            return "the broker at " + where + " did not complete a TLS handshake: "
                    + (requireTls ? "Compute.TLS.RequireTLS is on, so this node refuses a plain broker connection"
                    : "Compute.TLS.CACert turns TLS on")
                    + " (the broker is plain, or its certificate is not signed by the trusted CA): " + e.getMessage() + retry;
        }
        if (listening && !e.getMessage().contains("AMQ229034")) {
            return "the broker at " + where + " is listening but did not take this node's plain connection"
                    + " (if it requires TLS, set Compute.TLS.CACert): " + e.getMessage() + retry;
        }
        return "cannot reach the orchestrator's broker at " + where + " (" + e.getMessage() + ")" + retry;
    }

    static String hostAndPort(String url) {
        return url.replaceFirst("^[a-z]+://", "").replaceFirst("\\?.*", "");
    }
}
