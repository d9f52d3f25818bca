package io.bacalao.cli.launch;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.payara.NodeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns a resolved configuration into the launch of one node process. */
public final class NodeSpecs {
    /** Extra JVM options for node processes, e.g. a larger heap. */
    static final String JAVA_OPTS_ENV = "BACALAO_NODE_JAVA_OPTS";

    private NodeSpecs() {
    }

    public static NodeSpec of(Config config) {
        boolean orchestrator = config.getBool(ConfigKeys.ORCHESTRATOR_ENABLED);
        boolean compute = config.getBool(ConfigKeys.COMPUTE_ENABLED);
        Path dataDir = Path.of(config.get(ConfigKeys.DATA_DIR));
        String nodeId = NodeIdentity.of(dataDir, config.get(ConfigKeys.NAME_PROVIDER));
        String host;
        int port;
        String token;
        if (orchestrator) {
            String bind = config.get(ConfigKeys.ORCHESTRATOR_HOST);
            host = bind.equals("0.0.0.0") ? "127.0.0.1" : bind;
            port = config.getInt(ConfigKeys.ORCHESTRATOR_PORT);
            token = config.get(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN);
        } else {
            String first = config.getList(ConfigKeys.COMPUTE_ORCHESTRATORS).stream().findFirst()
                    .orElse("nats://127.0.0.1:4222").replaceFirst("^[a-z]+://", "");
            int colon = first.lastIndexOf(':');
            host = colon > 0 ? first.substring(0, colon) : first;
            port = colon > 0 ? Integer.parseInt(first.substring(colon + 1)) : 4222;
            token = config.get(ConfigKeys.COMPUTE_AUTH_TOKEN);
        }
        NodeSpec.Database db = config.get(ConfigKeys.DATABASE_URL).isBlank() ? NodeSpec.Database.h2(dataDir)
                : new NodeSpec.Database(config.get(ConfigKeys.DATABASE_URL), config.get(ConfigKeys.DATABASE_USER),
                config.get(ConfigKeys.DATABASE_PASSWORD));
        return new NodeSpec(nodeId, orchestrator, compute, dataDir, config.get(ConfigKeys.API_HOST),
                config.getInt(ConfigKeys.API_PORT), host, port, token, Ports.free(), db, config.asMap(),
                jvmOptions(orchestrator));
    }

    /**
     * Small heaps and the serial collector suit 2-core machines running several nodes. C1 only: measured on
     * 2 cores, a devstack of 4 nodes became ready in 39-42 s instead of 69-74 s, and noop submit-to-Completed
     * latency fell (p50 70 ms instead of 110 ms), because C2 compilation competes for the cores. (Dynamic
     * class-data-sharing archives saved another 5 s per start but cost 130 MB of disk per node; left out.)
     */
    static List<String> jvmOptions(boolean orchestrator) {
        List<String> opts = new ArrayList<>(List.of(orchestrator ? "-Xmx768m" : "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        String extra = System.getenv(JAVA_OPTS_ENV);
        if (extra != null && !extra.isBlank()) opts.addAll(Arrays.asList(extra.trim().split("\\s+")));
        return opts;
    }
}
