package io.bacalao.cli.launch;

import io.bacalao.cli.CliException;
import io.bacalao.cli.command.RootCommand;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bacalao devstack}: one orchestrator (embedded broker, H2 file), or one hybrid node, and N compute nodes on
 * this machine, each its own process with its own data dir under {@code <DataDir>/devstack}, with Bacalhau's flags
 * ({@link DevstackTopology}, {@code --random-ports}). Ctrl+C stops them all.
 */
@Command(name = "devstack", description = "Start a local cluster: 1 orchestrator (or 1 hybrid) and N compute nodes.")
public class DevstackCommand implements Callable<Integer> {
    /** Generous: on a loaded 2-core machine 4 nodes took over 3 minutes; progress lines show it is not a hang. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(6);

    @Spec
    CommandSpec spec;

    @Option(names = {"--computes", "--compute-nodes"}, defaultValue = "3", description = "Compute-only nodes (default 3).")
    int computes;

    @Option(names = {"--orchestrators", "--requester-nodes"}, defaultValue = "1",
            description = "Orchestrator-only nodes: 1 (default), or 0 with --hybrids 1.")
    int orchestrators;

    @Option(names = {"--hybrids", "--hybrid-nodes"}, defaultValue = "0",
            description = "Hybrid nodes (orchestrator and compute in one process): 0 (default), or 1 with --orchestrators 0.")
    int hybrids;

    @Option(names = {"--bad-computes", "--bad-compute-actors"}, defaultValue = "0",
            description = "How many of the compute-only nodes fail every execution they run (default 0).")
    int badComputes;

    @Option(names = "--random-ports", description = "Random free ports for the API, the broker, the local publishers and"
            + " the Web UI instead of the configured ones, to run beside another cluster.")
    boolean randomPorts;

    @Option(names = "--keep-data", description = "Keep the data of a previous devstack instead of starting clean.")
    boolean keepData;

    /** Bacalhau's folder for the nodes' repos: used as given and, as there, never emptied. */
    @Option(names = "--stack-repo", paramLabel = "DIR", description = "Folder for the nodes' data dirs instead of"
            + " <DataDir>/devstack; its data is kept between runs.")
    String stackRepo;

    @Override
    public Integer call() throws Exception {
        DevstackTopology topology = DevstackTopology.of(orchestrators, hybrids, computes, badComputes);
        long started = System.nanoTime();
        Config base = withWebUi(withLocalResults(((RootCommand) spec.root().userObject()).resolveConfig(Map.of())));
        if (randomPorts) base = withRandomPorts(base, topology.computes(), new java.util.Random());
        Path root = stackRoot(base);
        if (startsClean()) deleteTree(root);
        LocalCluster cluster = new LocalCluster(base, root, UnaryOperator.identity(),
                ClassArchives.fromEnvironment(System.getenv(), true));
        CountDownLatch stopping = new CountDownLatch(1);
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.countDown();
            cluster.close();
        }));
        PrintWriter err = spec.commandLine().getErr();
        err.println("Starting devstack: " + topology.describe() + " under " + root);
        KeysNotActedOn.check(base).ifPresent(err::println);
        err.println(DockerCheck.run(System.getenv()).message());
        err.flush();
        StartupProgress progress = new StartupProgress(err, System::nanoTime, started);
        cluster.start(topology);
        cluster.nodes().forEach(progress::launched);
        try {
            progress.awaitReady(cluster.nodes(), READY_TIMEOUT);
        } catch (RuntimeException e) {
            cluster.close();
            throw new CliException("devstack did not start: " + e.getMessage(),
                    "the node log named above says why; './bacalao devstack' starts clean again");
        }
        printReady(cluster, root, topology, Duration.ofNanos(System.nanoTime() - started));
        // later starts check that their class archives mapped; the first marks its nodes to record them at Ctrl+C
        cluster.afterReady(progress::line);
        while (!cluster.nodes().isEmpty() && stopping.getCount() > 0) Thread.sleep(500);
        // stopped by Ctrl+C or a signal: the JVM exits as the hook ends. Returning now would race it through picocli's
        // exit, whose classes may no longer load from a jar rebuilt meanwhile (ClassArchiveRecorder.loadBeforeShutdown)
        if (stopping.getCount() == 0) Thread.sleep(Long.MAX_VALUE);
        return 0;
    }

    /** The folder the nodes' data dirs go in: {@code --stack-repo}, else {@code <DataDir>/devstack}. */
    Path stackRoot(Config base) {
        if (stackRepo == null) return Path.of(base.get(ConfigKeys.DATA_DIR)).resolve("devstack");
        if (stackRepo.isBlank()) throw new CliException("--stack-repo needs a folder");
        Path dir = Path.of(stackRepo).toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CliException("--stack-repo " + stackRepo + " is not a folder");
        }
        return dir;
    }

    /** Whether the devstack's folder is emptied first: not with --keep-data, nor a folder given with --stack-repo. */
    boolean startsClean() {
        return !keepData && stackRepo == null;
    }

    /**
     * {@code --random-ports}: the API (and the compute nodes' API ports after it), the embedded broker, the local
     * publishers and the Web UI on free ports chosen now instead of the configured ones.
     */
    static Config withRandomPorts(Config c, int computes, java.util.random.RandomGenerator random) {
        // one run of free ports (checked on the wildcard address, so free on every address), shared out in order
        int first = Ports.freeRun("0.0.0.0", 2 * (computes + 1) + 2, random);
        String ui = c.get(ConfigKeys.WEBUI_LISTEN);
        String uiHost = ui.contains(":") ? ui.substring(0, ui.lastIndexOf(':')) : "127.0.0.1";
        return c.with(ConfigKeys.API_PORT, String.valueOf(first))
                .with(ConfigKeys.LOCAL_PUBLISHER_PORT, String.valueOf(first + computes + 1))
                .with(ConfigKeys.ORCHESTRATOR_PORT, String.valueOf(first + 2 * (computes + 1)))
                .with(ConfigKeys.WEBUI_LISTEN, uiHost + ":" + (first + 2 * (computes + 1) + 1));
    }

    /** Like Bacalhau's devstack: batch and ops jobs without a publisher publish locally, so job get works. */
    public static Config withLocalResults(Config c) {
        for (String type : new String[]{"Batch", "Ops"}) {
            String key = "JobDefaults." + type + ".Task.Publisher.Type";
            if (c.get(key).isBlank()) c = c.with(key, "local");
        }
        return c;
    }

    /**
     * The devstack serves the Web UI unless the configuration turns it off; left at its default address it listens
     * where the API does (loopback unless API.Host says otherwise).
     */
    static Config withWebUi(Config c) {
        if (c.source(ConfigKeys.WEBUI_ENABLED).equals(Config.DEFAULT_SOURCE)) c = c.with(ConfigKeys.WEBUI_ENABLED, "true");
        if (c.source(ConfigKeys.WEBUI_LISTEN).equals(Config.DEFAULT_SOURCE)) {
            String host = c.get(ConfigKeys.API_HOST);
            c = c.with(ConfigKeys.WEBUI_LISTEN, (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":8438");
        }
        return c;
    }

    private void printReady(LocalCluster cluster, Path root, DevstackTopology topology, Duration took) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Devstack ready in %.1fs: %s %s, %d compute node(s)%s.%n", took.toMillis() / 1000.0,
                topology.hybrid() ? "hybrid orchestrator" : "orchestrator", cluster.orchestrator().spec().nodeId(),
                topology.computes(), topology.badComputes() > 0 ? " (" + topology.badComputes() + " bad)" : "");
        out.println();
        String scheme = cluster.orchestrator().scheme();
        out.println("The API listens on " + scheme + "://" + cluster.host() + ":" + cluster.apiPort() + ". To use it from another shell:");
        out.println("\texport BACALAO_API_HOST=" + (scheme.equals("https") ? "https://" : "") + cluster.host());
        if (scheme.equals("https")) out.println("\texport BACALAO_API_TLS_CAFILE=<the CA of API.TLS.CertFile, or "
                + cluster.orchestrator().spec().dataDir().resolve("api-tls").resolve("self-signed.crt") + ">");
        out.println("\texport BACALAO_API_PORT=" + cluster.apiPort());
        out.println("\t./bacalao node list");
        cluster.webUi().ifPresent(ui -> {
            out.println();
            out.println("The Web UI: " + ui.url(scheme));
        });
        out.println();
        out.println("Node logs: " + root + "/*/node.log");
        out.println("Press Ctrl+C to stop the devstack.");
        out.flush();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
