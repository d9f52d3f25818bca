package io.bacalao.bench;

import io.bacalao.cli.launch.DevstackCommand;
import io.bacalao.cli.launch.LocalCluster;
import io.bacalao.cli.launch.NodeJvmOptions;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.payara.NodeProcess;
import io.bacalao.payara.NodeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * B5: node footprint and start-up. Starts a devstack (1 orchestrator + N compute nodes) with the current node
 * JVM options and with the previous defaults ({@link NodeJvmOptions#previous}), interleaved (current, previous,
 * previous, current, ...) so that both see the same machine load, and prints for each: the time until every node
 * is ready, each node's CPU time spent until then, and each node's RSS and PSS once idle ({@code settle} seconds
 * after ready). On a shared machine the CPU seconds are the steadier figure: wall time grows with the load of
 * other processes, the work a start needs does not.
 *
 * <p>Usage: {@code bench/run B5Footprint [rounds=2] [computes=3] [settleSeconds=15] [profiles=current,previous]}
 */
public final class B5Footprint {
    /** Longest wait for a devstack; on a machine shared with builds a start took 8 minutes. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(12);

    private B5Footprint() {
    }

    record NodeFigures(String name, double cpuSeconds, double rssMb, double pssMb) {
    }

    record Run(String profile, double readySeconds, List<NodeFigures> nodes) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int computes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int settle = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        List<String> profiles = List.of((args.length > 3 ? args[3] : "current,previous").split(","));
        List<Run> runs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<String> order = new ArrayList<>(profiles);
            if (r % 2 == 1) java.util.Collections.reverse(order);
            for (String profile : order) {
                Run run = run(profile, computes, settle);
                print(run);
                runs.add(run);
            }
        }
        System.out.println();
        System.out.println("B5 summary (medians over " + rounds + " interleaved round(s), " + computes + " compute nodes):");
        for (String profile : profiles) summary(profile, runs.stream().filter(x -> x.profile().equals(profile)).toList());
    }

    static Run run(String profile, int computes, int settleSeconds) throws Exception {
        Path root = Files.createTempDirectory("bacalao-b5");
        Config config = DevstackCommand.withLocalResults(Config.defaults().with(ConfigKeys.API_HOST, "127.0.0.1")
                .with(ConfigKeys.DATA_DIR, root.toString()));
        int base = freeBlock(2 * computes + 3);
        config = config.with(ConfigKeys.API_PORT, String.valueOf(base)).with(ConfigKeys.ORCHESTRATOR_PORT,
                String.valueOf(base + computes + 1)).with(ConfigKeys.LOCAL_PUBLISHER_PORT, String.valueOf(base + computes + 2));
        UnaryOperator<NodeSpec> options = switch (profile) {
            case "current" -> UnaryOperator.identity();
            case "previous" -> s -> s.withJvmOptions(NodeJvmOptions.previous(s.orchestrator()));
            default -> throw new IllegalArgumentException("profile is current or previous, not " + profile);
        };
        long t0 = System.nanoTime();
        try (LocalCluster cluster = new LocalCluster(config, root.resolve("devstack"), options)) {
            cluster.start(computes);
            double ready;
            try {
                cluster.awaitReady(READY_TIMEOUT);
                ready = (System.nanoTime() - t0) / 1e9;
            } catch (IllegalStateException notReady) {
                // a start that does not finish is a figure too (on a loaded machine): the nodes are measured as they are
                System.out.println("B5 " + profile + ": " + notReady.getMessage());
                ready = Double.POSITIVE_INFINITY;
            }
            List<NodeProcess> nodes = cluster.nodes();
            List<Double> cpu = nodes.stream().map(B5Footprint::cpuSeconds).toList();
            Thread.sleep(settleSeconds * 1000L);
            List<NodeFigures> figures = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                NodeProcess p = nodes.get(i);
                figures.add(new NodeFigures(p.spec().dataDir().getFileName().toString(), cpu.get(i),
                        proc(p.pid(), "status", "VmRSS:"), proc(p.pid(), "smaps_rollup", "Pss:")));
            }
            return new Run(profile, ready, figures);
        } finally {
            deleteTree(root);
        }
    }

    /** The first of {@code n} consecutive loopback ports that are free now (other benchmarks may hold fixed ones). */
    static int freeBlock(int n) throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20000 + random.nextInt(20000);
            boolean free = true;
            for (int p = base; p < base + n && free; p++) {
                try (var s = new java.net.ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
                    free = s.getLocalPort() == p;
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) return base;
        }
        throw new IOException("no block of " + n + " free ports found");
    }

    static double cpuSeconds(NodeProcess p) {
        return ProcessHandle.of(p.pid()).flatMap(h -> h.info().totalCpuDuration()).map(d -> d.toMillis() / 1000.0).orElse(-1.0);
    }

    /** A "kB" figure of /proc/{pid}/{file}, in MB; -1 where the platform has no /proc. */
    static double proc(long pid, String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), file))) {
                if (line.startsWith(field)) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static void print(Run run) {
        System.out.printf("B5 %-8s devstack ready in %6.1fs%s%n", run.profile(), run.readySeconds(),
                Double.isInfinite(run.readySeconds()) ? " (not ready within " + READY_TIMEOUT.toMinutes() + " min)" : "");
        for (NodeFigures n : run.nodes()) {
            System.out.printf("   %-13s cpu to ready %6.1fs  idle RSS %6.1f MB  PSS %6.1f MB%n", n.name(), n.cpuSeconds(),
                    n.rssMb(), n.pssMb());
        }
    }

    static void summary(String profile, List<Run> runs) {
        if (runs.isEmpty()) return;
        double ready = median(runs.stream().map(Run::readySeconds).toList());
        List<NodeFigures> all = runs.stream().flatMap(r -> r.nodes().stream()).toList();
        List<NodeFigures> orch = all.stream().filter(n -> n.name().equals("orchestrator")).toList();
        List<NodeFigures> comp = all.stream().filter(n -> !n.name().equals("orchestrator")).toList();
        System.out.printf("  %-8s ready %6.1fs | orchestrator RSS %6.1f MB, cpu %5.1fs | compute RSS %6.1f MB, cpu %5.1fs"
                        + " | all nodes RSS %6.0f MB%n", profile, ready,
                median(orch.stream().map(NodeFigures::rssMb).toList()), median(orch.stream().map(NodeFigures::cpuSeconds).toList()),
                median(comp.stream().map(NodeFigures::rssMb).toList()), median(comp.stream().map(NodeFigures::cpuSeconds).toList()),
                runs.stream().mapToDouble(r -> r.nodes().stream().mapToDouble(NodeFigures::rssMb).sum()).sum() / runs.size());
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> s = values.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
