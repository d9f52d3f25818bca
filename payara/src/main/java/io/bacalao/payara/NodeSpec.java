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
 * @param hazelcastPort  Payara's data-grid port; must be free (Payara hangs on a clash)
 * @param database       JDBC settings of the node's database (H2 file by default)
 */
public record NodeSpec(String nodeId, boolean orchestrator, boolean compute, Path dataDir, String httpHost, int httpPort,
                       BrokerAddress broker, boolean embeddedBroker, int hazelcastPort, Database database,
                       Map<String, String> config, List<String> jvmOptions) {

    /** Where a node keeps its database: an H2 file (jdbc:h2:…) or PostgreSQL (jdbc:postgresql:…). */
    public record Database(String url, String user, String password) {
        public boolean isPostgres() {
            return url.startsWith("jdbc:postgresql:");
        }

        /** The default: an H2 file under the data dir; every commit reaches the file before the call returns. */
        public static Database h2(Path dataDir) {
            return new Database("jdbc:h2:" + dataDir.resolve("db").resolve("bacalao").toAbsolutePath()
                    + ";WRITE_DELAY=0", "", "");
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

    public String computeQueue() {
        return "bacalao.compute." + nodeId;
    }

    /** This node launched with other JVM options (e.g. a benchmark's baseline). */
    public NodeSpec withJvmOptions(List<String> options) {
        return new NodeSpec(nodeId, orchestrator, compute, dataDir, httpHost, httpPort, broker, embeddedBroker,
                hazelcastPort, database, config, List.copyOf(options));
    }

    public String name() {
        return orchestrator && compute ? "hybrid" : orchestrator ? "orchestrator" : "compute";
    }
}
