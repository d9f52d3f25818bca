package io.bacalao.cli.launch;

import io.bacalao.cli.CliException;
import io.bacalao.cli.command.RootCommand;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.payara.NodeProcess;
import io.bacalao.payara.NodeSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bacalao devstack}: one orchestrator (embedded broker, H2 file) and N compute nodes on this machine,
 * each its own process with its own data dir under {@code <DataDir>/devstack}. Ctrl+C stops them all.
 */
@Command(name = "devstack", description = "Start a local cluster: 1 orchestrator and N compute nodes.")
public class DevstackCommand implements Callable<Integer> {
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    @Spec
    CommandSpec spec;

    @Option(names = {"--computes", "--compute-nodes"}, defaultValue = "3", description = "Compute nodes (default 3).")
    int computes;

    @Option(names = "--keep-data", description = "Keep the data of a previous devstack instead of starting clean.")
    boolean keepData;

    private final List<NodeProcess> processes = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (computes < 0) throw new CliException("--computes must be >= 0");
        long started = System.nanoTime();
        Config base = ((RootCommand) spec.root().userObject()).resolveConfig(Map.of());
        Path root = Path.of(base.get(ConfigKeys.DATA_DIR)).resolve("devstack");
        if (!keepData) deleteTree(root);
        String host = base.get(ConfigKeys.API_HOST).equals("0.0.0.0") ? "127.0.0.1" : base.get(ConfigKeys.API_HOST);
        int apiPort = base.getInt(ConfigKeys.API_PORT);
        int brokerPort = base.getInt(ConfigKeys.ORCHESTRATOR_PORT);
        int publisherPort = base.getInt(ConfigKeys.LOCAL_PUBLISHER_PORT);
        Ports.requireFree(host, apiPort, ConfigKeys.API_PORT);
        Ports.requireFree("127.0.0.1", brokerPort, ConfigKeys.ORCHESTRATOR_PORT);

        Config orchestrator = base.with(ConfigKeys.DATA_DIR, root.resolve("orchestrator").toString())
                .with(ConfigKeys.ORCHESTRATOR_ENABLED, "true").with(ConfigKeys.COMPUTE_ENABLED, "false")
                .with(ConfigKeys.API_HOST, host).with(ConfigKeys.ORCHESTRATOR_HOST, "127.0.0.1");
        List<NodeSpec> specs = new ArrayList<>(List.of(NodeSpecs.of(orchestrator)));
        for (int i = 1; i <= computes; i++) {
            Ports.requireFree(host, apiPort + i, ConfigKeys.API_PORT);
            Config c = base.with(ConfigKeys.DATA_DIR, root.resolve("compute-" + i).toString())
                    .with(ConfigKeys.ORCHESTRATOR_ENABLED, "false").with(ConfigKeys.COMPUTE_ENABLED, "true")
                    .with(ConfigKeys.API_HOST, host).with(ConfigKeys.API_PORT, String.valueOf(apiPort + i))
                    .with(ConfigKeys.COMPUTE_ORCHESTRATORS, "nats://127.0.0.1:" + brokerPort)
                    .with(ConfigKeys.COMPUTE_AUTH_TOKEN, base.get(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN))
                    .with(ConfigKeys.LOCAL_PUBLISHER_PORT, String.valueOf(publisherPort + i - 1));
            specs.add(NodeSpecs.of(c));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll();
            stopped.countDown();
        }));
        PrintWriter err = spec.commandLine().getErr();
        err.println("Starting devstack: 1 orchestrator and " + computes + " compute node(s) under " + root);
        err.flush();
        for (NodeSpec s : specs) {
            processes.add(NodeProcess.start(s, Runtime.layout(), Runtime.javaHome(), s.dataDir().resolve("node.log")));
        }
        try {
            for (NodeProcess p : processes) p.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            stopAll();
            throw new CliException("devstack did not start: " + e.getMessage());
        }
        printReady(host, apiPort, root, Duration.ofNanos(System.nanoTime() - started));
        while (processes.stream().anyMatch(NodeProcess::isAlive)) {
            Thread.sleep(500);
            if (stopped.getCount() == 0) break;
        }
        return 0;
    }

    private void printReady(String host, int apiPort, Path root, Duration took) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Devstack ready in %.1fs: orchestrator %s, %d compute node(s).%n", took.toMillis() / 1000.0,
                processes.get(0).spec().nodeId(), processes.size() - 1);
        out.println();
        out.println("The API listens on http://" + host + ":" + apiPort + ". To use it from another shell:");
        out.println("\texport BACALAO_API_HOST=" + host);
        out.println("\texport BACALAO_API_PORT=" + apiPort);
        out.println("\t./bacalao node list");
        out.println();
        out.println("Node logs: " + root + "/*/node.log");
        out.println("Press Ctrl+C to stop the devstack.");
        out.flush();
    }

    private synchronized void stopAll() {
        if (processes.isEmpty()) return;
        processes.subList(1, processes.size()).parallelStream().forEach(p -> p.stop(Duration.ofSeconds(15)));
        processes.get(0).stop(Duration.ofSeconds(15));
        processes.clear();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
