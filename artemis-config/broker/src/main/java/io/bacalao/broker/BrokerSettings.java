package io.bacalao.broker;

import java.nio.file.Path;

/**
 * What an orchestrator's broker needs: where to listen, where to keep its journal, the token compute nodes
 * must present (empty = no authentication), how often an evaluation may be delivered before it is
 * dead-lettered, and TLS for the acceptor (null = plain TCP).
 */
public record BrokerSettings(String host, int port, Path dataDir, String token, int maxEvaluationDeliveries,
                             BrokerTls tls) {
    public BrokerSettings {
        token = token == null ? "" : token;
    }

    public BrokerSettings(String host, int port, Path dataDir, String token, int maxEvaluationDeliveries) {
        this(host, port, dataDir, token, maxEvaluationDeliveries, null);
    }
}
