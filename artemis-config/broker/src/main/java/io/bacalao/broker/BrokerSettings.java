package io.bacalao.broker;

import java.nio.file.Path;

/**
 * What an orchestrator's broker needs: where to listen, where to keep its journal, the token compute nodes
 * must present (empty = no authentication) and how often an evaluation may be delivered before it is
 * dead-lettered.
 */
public record BrokerSettings(String host, int port, Path dataDir, String token, int maxEvaluationDeliveries) {
    public BrokerSettings {
        token = token == null ? "" : token;
    }
}
