package io.bacalao.cli.launch;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.payara.NodeProcess;
import io.bacalao.payara.NodeSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One orchestrator and N compute nodes on this machine, each a process with its own data dir under
 * {@code root}: the orchestrator on API.Port and Orchestrator.Port, compute i on API.Port + i with its local
 * publisher on Publishers.Types.Local.Port + i - 1. Used by {@code devstack} and by the system tests.
 */
public final class LocalCluster implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private final List<NodeProcess> processes = new ArrayList<>();
    private final Config base;
    private final Path root;
    private final UnaryOperator<NodeSpec> adjust;
    private final ClassArchives archives;
    private final Map<NodeProcess, ClassArchives.Plan> archivePlans = new LinkedHashMap<>();
    /** Ready nodes launched to record their role's class archive: dumped by {@link #close} before they stop. */
    private final Map<NodeProcess, ClassArchives.Plan> recordAtStop = new LinkedHashMap<>();

    /** A cluster that uses the roles' class archives when they exist and records none (the system tests). */
    public LocalCluster(Config base, Path root) {
        this(base, root, UnaryOperator.identity(), ClassArchives.fromEnvironment(System.getenv(), false));
    }

    /**
     * A cluster whose node specs pass through {@code adjust} before launch (a benchmark's other JVM options) and
     * that uses, and records where {@code archives} says so, the roles' class archives.
     */
    public LocalCluster(Config base, Path root, UnaryOperator<NodeSpec> adjust, ClassArchives archives) {
        this.base = base;
        this.root = root;
        this.adjust = adjust;
        this.archives = archives;
        ClassArchiveRecorder.loadBeforeShutdown();
    }

    public String host() {
        String h = base.get(ConfigKeys.API_HOST);
        return h.equals("0.0.0.0") ? "127.0.0.1" : h;
    }

    public int apiPort() {
        return base.getInt(ConfigKeys.API_PORT);
    }

    public Config orchestratorConfig() {
        return base.with(ConfigKeys.DATA_DIR, root.resolve("orchestrator").toString())
                .with(ConfigKeys.ORCHESTRATOR_ENABLED, "true").with(ConfigKeys.COMPUTE_ENABLED, "false")
                .with(ConfigKeys.API_HOST, host()).with(ConfigKeys.ORCHESTRATOR_HOST, "127.0.0.1");
    }

    /**
     * Compute node {@code i} (from 1), joined to this cluster's broker (the orchestrator's, or the external one of
     * Orchestrator.Broker.URL) with its token, trusting the broker's TLS certificate when it has one.
     */
    public Config computeConfig(int i) {
        String external = base.get(ConfigKeys.ORCHESTRATOR_BROKER_URL);
        Config c = base.with(ConfigKeys.DATA_DIR, root.resolve("compute-" + i).toString())
                .with(ConfigKeys.ORCHESTRATOR_ENABLED, "false").with(ConfigKeys.COMPUTE_ENABLED, "true")
                .with(ConfigKeys.API_HOST, host()).with(ConfigKeys.API_PORT, String.valueOf(apiPort() + i))
                .with(ConfigKeys.COMPUTE_ORCHESTRATORS, external.isBlank()
                        ? "nats://127.0.0.1:" + base.get(ConfigKeys.ORCHESTRATOR_PORT) : external)
                .with(ConfigKeys.COMPUTE_AUTH_TOKEN, base.get(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN))
                .with(ConfigKeys.LOCAL_PUBLISHER_PORT,
                        String.valueOf(base.getInt(ConfigKeys.LOCAL_PUBLISHER_PORT) + i - 1));
        String trust = base.get(ConfigKeys.ORCHESTRATOR_TLS_CA_CERT).isBlank()
                ? base.get(ConfigKeys.ORCHESTRATOR_TLS_SERVER_CERT) : base.get(ConfigKeys.ORCHESTRATOR_TLS_CA_CERT);
        if (base.get(ConfigKeys.COMPUTE_TLS_CA_CERT).isBlank() && !trust.isBlank()) {
            c = c.with(ConfigKeys.COMPUTE_TLS_CA_CERT, trust);
        }
        return c;
    }

    /** The Web UI of the orchestrator, when it serves one. */
    public java.util.Optional<io.bacalao.payara.WebUiListener> webUi() {
        return io.bacalao.payara.WebUiListener.of(NodeSpecs.of(orchestratorConfig()));
    }

    /** True when the orchestrator runs the broker itself (no Orchestrator.Broker.URL). */
    public boolean embeddedBroker() {
        return base.get(ConfigKeys.ORCHESTRATOR_BROKER_URL).isBlank();
    }

    /** Checks every port first (Payara hangs on a clash), then starts all nodes at once. */
    public void start(int computes) throws IOException {
        start(new DevstackTopology(false, computes, 0));
    }

    /**
     * As {@link #start(int)}, for a topology: a hybrid orchestrator also runs a compute node in its process, and
     * the bad compute nodes are started with {@code Compute.BadActor}.
     */
    public void start(DevstackTopology topology) throws IOException {
        int computes = topology.computes();
        Ports.requireFree(host(), apiPort(), ConfigKeys.API_PORT);
        if (embeddedBroker()) {
            Ports.requireFree("127.0.0.1", base.getInt(ConfigKeys.ORCHESTRATOR_PORT), ConfigKeys.ORCHESTRATOR_PORT);
        }
        for (int i = 1; i <= computes; i++) Ports.requireFree(host(), apiPort() + i, ConfigKeys.API_PORT);
        Ports.requireFreeWebUi(NodeSpecs.of(orchestratorConfig()));
        // the hybrid's local publisher takes the port after the compute nodes' ones
        launch(topology.hybrid() ? orchestratorConfig().with(ConfigKeys.COMPUTE_ENABLED, "true").with(ConfigKeys.LOCAL_PUBLISHER_PORT,
                String.valueOf(base.getInt(ConfigKeys.LOCAL_PUBLISHER_PORT) + computes)) : orchestratorConfig());
        for (int i = 1; i <= computes; i++) {
            launch(topology.isBad(i) ? computeConfig(i).with(ConfigKeys.COMPUTE_BAD_ACTOR, "true") : computeConfig(i));
        }
    }

    /** True when the orchestrator's or a compute node's launch would find no class archive of its role to map. */
    public boolean lacksArchives() {
        return Stream.of(orchestratorConfig(), computeConfig(1)).map(c -> adjust.apply(NodeSpecs.of(c)))
                .anyMatch(spec -> !archives.hasArchive(spec, Runtime.layout(), Runtime.javaHome()));
    }

    /** Starts one more node from a config (e.g. a compute with other labels or a wrong token). */
    public NodeProcess launch(Config config) throws IOException {
        NodeSpec spec = adjust.apply(NodeSpecs.of(config));
        ClassArchives.Plan plan = archives.plan(spec, Runtime.layout(), Runtime.javaHome());
        spec = spec.withJvmOptions(Stream.concat(spec.jvmOptions().stream(), plan.jvmOptions().stream()).toList());
        NodeProcess p = NodeProcess.start(spec, Runtime.layout(), Runtime.javaHome(), spec.dataDir().resolve("node.log"));
        synchronized (processes) {
            processes.add(p);
            archivePlans.put(p, plan);
        }
        return p;
    }

    /** Waits until every node is ready, then {@link #afterReady} (its lines go to standard error). */
    public void awaitReady(Duration timeout) throws InterruptedException {
        for (NodeProcess p : nodes()) p.awaitReady(timeout);
        afterReady(System.err::println);
    }

    /**
     * Once the nodes are ready: checks that each node launched with a class archive mapped it, and marks the
     * recording nodes ready, so that {@link #close} dumps their archives before stopping them (see
     * {@link ClassArchiveRecorder}); says what it did to {@code report}. Never throws for an archive.
     */
    public void afterReady(Consumer<String> report) {
        Map<NodeProcess, ClassArchives.Plan> plans;
        synchronized (processes) {
            plans = new LinkedHashMap<>(archivePlans);
            archivePlans.clear();
        }
        plans.forEach((p, plan) -> {
            if (plan.mode() == ClassArchives.Mode.RECORD) {
                synchronized (processes) {
                    recordAtStop.put(p, plan);
                }
                return;
            }
            String line = ClassArchiveRecorder.afterReady(p, plan);
            if (line != null) report.accept(line);
        });
    }

    public List<NodeProcess> nodes() {
        synchronized (processes) {
            return processes.stream().filter(NodeProcess::isAlive).toList();
        }
    }

    public NodeProcess orchestrator() {
        return nodes().stream().filter(p -> p.spec().orchestrator()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no orchestrator running"));
    }

    /**
     * Stops compute nodes first (they say goodbye), then the orchestrator. Ready nodes that record their role's
     * class archive write it as they exit (once per role, the first devstack only: seconds on a quiet machine) and
     * get the time for it; the archives are then moved into place ({@link ClassArchiveRecorder}).
     */
    @Override
    public void close() {
        List<NodeProcess> all;
        Map<NodeProcess, ClassArchives.Plan> ready;
        Map<NodeProcess, ClassArchives.Plan> unready = new LinkedHashMap<>();
        synchronized (processes) {
            all = new ArrayList<>(processes);
            processes.clear();
            ready = new LinkedHashMap<>(recordAtStop);
            recordAtStop.clear();
            archivePlans.forEach((p, plan) -> {
                if (plan.mode() == ClassArchives.Mode.RECORD) unready.put(p, plan);
            });
            archivePlans.clear();
        }
        ready.keySet().forEach(p -> System.err.println("Recording the class archive of " + p.spec().name()
                + " nodes for the next start..."));
        Consumer<NodeProcess> stop = p -> p.stop(ready.containsKey(p)
                ? ClassArchiveRecorder.stopGrace(ready.get(p), true, STOP_GRACE) : STOP_GRACE);
        all.stream().filter(p -> !p.spec().orchestrator()).toList().parallelStream().forEach(stop);
        all.stream().filter(p -> p.spec().orchestrator()).forEach(stop);
        ready.forEach((p, plan) -> {
            String line = ClassArchiveRecorder.afterStop(p, plan, true, archives);
            if (line != null) System.err.println(line);
        });
        unready.forEach((p, plan) -> ClassArchiveRecorder.afterStop(p, plan, false, archives));
    }
}
