package io.bacalao.broker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * What an orchestrator's broker needs: where to listen, where to keep its journal, the join token compute nodes
 * present (may be empty only on a loopback address, or with {@code allowEmptyToken}), the orchestrator's own
 * password, how often an evaluation may be delivered before it is dead-lettered, TLS for the acceptor (null =
 * plain TCP), and whether the journal is synced to disk before a commit or a persistent send is acknowledged
 * ({@code Orchestrator.Durability.SyncOnCommit}).
 */
public record BrokerSettings(String host, int port, Path dataDir, String token, String orchestratorPassword,
                             boolean allowEmptyToken, int maxEvaluationDeliveries, BrokerTls tls, boolean syncJournal) {
    public BrokerSettings {
        token = token == null ? "" : token;
        orchestratorPassword = orchestratorPassword == null ? "" : orchestratorPassword;
    }

    /** A broker whose journal is synced on commit (the default). */
    public BrokerSettings(String host, int port, Path dataDir, String token, String orchestratorPassword,
                          boolean allowEmptyToken, int maxEvaluationDeliveries, BrokerTls tls) {
        this(host, port, dataDir, token, orchestratorPassword, allowEmptyToken, maxEvaluationDeliveries, tls, true);
    }

    /** The file binding node IDs to their secrets, beside the journal. */
    public Path bindingsFile() {
        return dataDir.resolve("node-bindings");
    }

    /**
     * Refuses what would leave the broker open: no orchestrator password, or an empty join token on an address
     * other hosts can reach (unless {@code allowEmptyToken}). Returns a warning to log, or null.
     */
    public String check() {
        if (orchestratorPassword.isEmpty()) {
            throw new IllegalStateException("the broker has no password for the orchestrator (bacalao.broker.password)");
        }
        if (!token.isEmpty() || isLoopback(host)) return null;
        if (!allowEmptyToken) {
            throw new IllegalStateException("the broker would listen on " + host + ":" + port
                    + " without Orchestrator.Auth.Token: set a token, bind Orchestrator.Host to a loopback address,"
                    + " or set Orchestrator.Auth.AllowEmptyToken=true");
        }
        return "the broker listens on " + host + ":" + port + " without Orchestrator.Auth.Token"
                + " (Orchestrator.Auth.AllowEmptyToken): anyone who reaches it can join as a new compute node";
    }

    /** True for 127.0.0.0/8, ::1 and names resolving to them (e.g. localhost). */
    public static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) if (!a.isLoopbackAddress()) return false;
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
