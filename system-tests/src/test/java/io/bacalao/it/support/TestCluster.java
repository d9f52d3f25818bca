package io.bacalao.it.support;

import io.bacalao.cli.launch.LocalCluster;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.payara.NodeProcess;
import io.bacalao.payara.NodeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A cluster of real node processes for one test class or one test run: an orchestrator and compute nodes
 * started from the built artefacts on free ports, with short test timeouts and devstack's defaults (batch and
 * ops jobs publish locally), in {@code target/it/<name>}.
 */
public final class TestCluster implements AutoCloseable {
    /** How long a node may take to start: 6 minutes (4 were seen to pass on a machine under load 25), or {@code -Dbacalao.it.readySeconds}. */
    public static final Duration READY = Duration.ofSeconds(Long.getLong("bacalao.it.readySeconds", 360));
    private final LocalCluster cluster;
    private final Path root;
    private final Config base;

    private TestCluster(Config base, Path root, UnaryOperator<NodeSpec> adjust, boolean recordArchives) {
        this.base = base;
        this.root = root;
        this.cluster = new LocalCluster(base, root, adjust,
                io.bacalao.cli.launch.ClassArchives.fromEnvironment(System.getenv(), recordArchives));
    }

    /** A cluster configuration: free ports, loopback, the test profile of short intervals, plus {@code extra}. */
    public static TestCluster create(String name, Map<String, String> extra) throws IOException {
        return create(name, extra, UnaryOperator.identity());
    }

    /** The same, with every node's spec passed through {@code adjust} before launch (e.g. other JVM options). */
    public static TestCluster create(String name, Map<String, String> extra, UnaryOperator<NodeSpec> adjust)
            throws IOException {
        TestArchives.recordOnce();
        return create(name, extra, adjust, false);
    }

    /**
     * A cluster whose nodes record their role's class archive when there is none ({@link TestArchives}): written
     * as its nodes stop.
     */
    static TestCluster recordingArchives(String name) throws IOException {
        return create(name, Map.of(), UnaryOperator.identity(), true);
    }

    private static TestCluster create(String name, Map<String, String> extra, UnaryOperator<NodeSpec> adjust,
            boolean recordArchives) throws IOException {
        Path root = Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath().resolve(name);
        deleteTree(root);
        Files.createDirectories(root);
        int api = TestPorts.freeBlock(8);
        int aux = TestPorts.freeBlock(8);
        Config c = Config.defaults()
                .with(ConfigKeys.API_HOST, "127.0.0.1").with(ConfigKeys.API_PORT, String.valueOf(api))
                .with(ConfigKeys.ORCHESTRATOR_PORT, String.valueOf(aux))
                .with(ConfigKeys.LOCAL_PUBLISHER_PORT, String.valueOf(aux + 1))
                .with(ConfigKeys.HEARTBEAT_INTERVAL, "2s").with(ConfigKeys.INFO_UPDATE_INTERVAL, "5s")
                .with(ConfigKeys.DISCONNECT_TIMEOUT, "10s").with(ConfigKeys.QUEUE_BACKOFF, "2s")
                .with(ConfigKeys.DATA_DIR, root.toString());
        c = io.bacalao.cli.launch.DevstackCommand.withLocalResults(c);
        for (Map.Entry<String, String> e : extra.entrySet()) c = c.with(e.getKey(), e.getValue());
        return new TestCluster(c, root, adjust, recordArchives);
    }

    /** Starts the nodes; a cluster that fails to start is stopped again before the error propagates. */
    public TestCluster start(int computes) throws IOException, InterruptedException {
        try {
            cluster.start(computes);
            cluster.awaitReady(READY);
            return this;
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public Api api() {
        return new Api(cluster.host(), cluster.apiPort());
    }

    public Cli cli() {
        return new Cli(cluster.host(), cluster.apiPort());
    }

    /** The Web UI's address ({@code http://host:port}), when the cluster serves it. */
    public String webUiUrl() {
        return "http://" + base().get(ConfigKeys.WEBUI_LISTEN);
    }

    public int apiPort() {
        return cluster.apiPort();
    }

    public Path root() {
        return root;
    }

    public Config base() {
        return base;
    }

    public LocalCluster nodes() {
        return cluster;
    }

    public NodeProcess orchestrator() {
        return cluster.orchestrator();
    }

    /** Launches the orchestrator again on its data dir (after a stop or a kill) and waits until it is ready. */
    public NodeProcess restartOrchestrator() throws IOException, InterruptedException {
        NodeProcess p = cluster.launch(cluster.orchestratorConfig());
        p.awaitReady(READY);
        return p;
    }

    public NodeProcess startCompute(int index, Map<String, String> extra) throws IOException, InterruptedException {
        Config c = cluster.computeConfig(index);
        for (Map.Entry<String, String> e : extra.entrySet()) c = c.with(e.getKey(), e.getValue());
        return cluster.launch(c);
    }

    @Override
    public void close() {
        cluster.close();
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
