package io.bacalao.payara;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One node process to launch: its roles, identity, data directory, HTTP port, the resolved configuration
 * (Bacalhau keys → text values, handed over as system properties), the broker it uses and the database.
 *
 * @param httpHost       address the HTTP listener binds (API.Host)
 * @param broker         the broker the node's clients and resource adapter connect to; its token is this node's
 *                       broker password (the orchestrator's own password, or a compute node's
 *                       {@code <join token>:<node secret>}, see docs/broker-security.md)
 * @param embeddedBroker true when this (orchestrator) node runs that broker itself (deploys broker.war);
 *                       false for compute nodes and for orchestrators that use an external broker
 * @param database       JDBC settings of the node's database (H2 file by default)
 */
public record NodeSpec(String nodeId, boolean orchestrator, boolean compute, Path dataDir, String httpHost, int httpPort,
                       BrokerAddress broker, boolean embeddedBroker, Database database,
                       Map<String, String> config, List<String> jvmOptions) {

    /** Where a node keeps its database: an H2 file (jdbc:h2:…) or PostgreSQL (jdbc:postgresql:…). */
    public record Database(String url, String user, String password) {
        public boolean isPostgres() {
            return url.startsWith("jdbc:postgresql:");
        }

        private static final String H2_WRITE_AT_COMMIT = ";WRITE_DELAY=0";
        /** PostgreSQL's {@code options} connection parameter (URL-encoded) that acknowledges commits before flushing. */
        static final String POSTGRES_ASYNC_COMMIT = "options=-c%20synchronous_commit%3Doff";

        /**
         * The default: an H2 file under the data dir; every commit is written to the file before the call returns
         * (H2 2.x forces the file to disk only at checkpoints and shutdown: this survives a killed process, not a
         * power cut).
         */
        public static Database h2(Path dataDir) {
            return new Database("jdbc:h2:" + dataDir.resolve("db").resolve("bacalao").toAbsolutePath()
                    + H2_WRITE_AT_COMMIT, "", "");
        }

        /**
         * This database with commits acknowledged before they are durable ({@code
         * Orchestrator.Durability.SyncOnCommit=false}): the default H2 file writes them at H2's own delay (500 ms),
         * PostgreSQL runs the sessions with {@code synchronous_commit=off}; any other URL is left as it is.
         */
        public Database withoutSyncOnCommit() {
            if (url.endsWith(H2_WRITE_AT_COMMIT) && url.startsWith("jdbc:h2:")) {
                return new Database(url.substring(0, url.length() - H2_WRITE_AT_COMMIT.length()), user, password);
            }
            if (!isPostgres() || url.contains("synchronous_commit")) return this;
            return new Database(url + (url.contains("?") ? "&" : "?") + POSTGRES_ASYNC_COMMIT, user, password);
        }
    }

    /** The broker user of orchestrators (the same as io.bacalao.broker.TokenSecurityManager.ORCHESTRATOR_USER). */
    public static final String ORCHESTRATOR_BROKER_USER = "bacalao-orchestrator";

    /** Who this node is on the broker: the orchestrator (also for a hybrid node), or its node ID. */
    public String brokerUser() {
        return orchestrator ? ORCHESTRATOR_BROKER_USER : nodeId;
    }

    public String brokerUrl() {
        return broker.url();
    }

    /**
     * Where an orchestrator that embeds the broker reaches it from its own process: the broker's in-process
     * acceptor, named by its port (io.bacalao.broker.EmbeddedBroker); empty for any other node.
     */
    public java.util.Optional<String> inProcessBrokerUrl() {
        return embeddedBroker ? java.util.Optional.of("vm://" + broker.port()) : java.util.Optional.empty();
    }

    public String computeQueue() {
        return "bacalao.compute." + nodeId;
    }

    /** This node launched with other JVM options (e.g. a benchmark's baseline). */
    public NodeSpec withJvmOptions(List<String> options) {
        return new NodeSpec(nodeId, orchestrator, compute, dataDir, httpHost, httpPort, broker, embeddedBroker,
                database, config, List.copyOf(options));
    }

    public String name() {
        return orchestrator && compute ? "hybrid" : orchestrator ? "orchestrator" : "compute";
    }
}
