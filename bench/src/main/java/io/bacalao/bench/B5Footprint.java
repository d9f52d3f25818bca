package io.bacalao.bench;

import io.bacalao.cli.launch.ClassArchives;
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
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * B5: node footprint and start-up. Starts a devstack (1 orchestrator + N compute nodes) once per profile and round,
 * interleaved (A, B, then B, A, ...) so that all profiles see the same machine load, and prints for each: the time
 * until every node is ready, each node's CPU time spent until then, how many classes it loaded and how many of
 * them came from a class archive (CDS), and each node's RSS and PSS once idle ({@code settle} seconds after
 * ready). On a shared machine the CPU seconds are the steadier figure: wall time grows with the load of other
 * processes, the work a start needs does not.
 *
 * <p>A profile is {@code OPTIONS[%OPTION...][+cds][@RUNTIME_DIR]}: OPTIONS {@code current} (today's node JVM
 * options) or {@code previous} ({@link NodeJvmOptions#previous}); each {@code %OPTION} replaces or adds one JVM
 * option as {@code BACALAO_NODE_JAVA_OPTS} would (e.g. {@code current%-XX:+ShrinkHeapInSteps}, to measure a
 * default against its predecessor in the same run); {@code +cds} with the roles' class archives (in
 * {@code target/b5-cds}, recorded by one unmeasured start first when missing), else without; {@code @DIR} the node
 * runtime of another build (e.g. a copy of {@code cli-jar/target/runtime} made before a change), else this one.
 *
 * <p>Usage: {@code bench/run B5Footprint [rounds=2] [computes=3] [settleSeconds=15] [profiles=current+cds,current]}
 */
public final class B5Footprint {
    /** Longest wait for a devstack; on a machine shared with builds a start took 8 minutes. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(12);

    private B5Footprint() {
    }

    /** Where B5 keeps the class archives of its {@code +cds} profiles, across runs. */
    static final Path ARCHIVES = Path.of("target", "b5-cds").toAbsolutePath();

    /** @param classes classes parsed from class files (java.cls.loadedClasses); sharedClasses: mapped from archives */
    record NodeFigures(String name, double cpuSeconds, double rssMb, double pssMb, long classes, long sharedClasses) {
    }

    record Run(String profile, double readySeconds, List<NodeFigures> nodes) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int computes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int settle = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        List<String> profiles = List.of((args.length > 3 ? args[3] : "current+cds,current").split(","));
        System.out.printf("B5 machine: %d cores, load average %s at start%n", java.lang.Runtime.getRuntime().availableProcessors(),
                loadAverage());
        for (String profile : profiles) {
            if (profile.contains("+cds") && lacksArchives(profile, computes, ARCHIVES)) {
                Run recording = run(profile, computes, 0, true);
                System.out.printf("B5 recording start for %s (not measured): ready in %.1fs%n", profile, recording.readySeconds());
            }
        }
        List<Run> runs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<String> order = new ArrayList<>(profiles);
            if (r % 2 == 1) java.util.Collections.reverse(order);
            for (String profile : order) {
                Run run = run(profile, computes, settle, false);
                print(run);
                runs.add(run);
            }
        }
        System.out.println();
        System.out.println("B5 summary (medians over " + rounds + " interleaved round(s), " + computes + " compute nodes):");
        for (String profile : profiles) summary(profile, runs.stream().filter(x -> x.profile().equals(profile)).toList());
        System.out.printf("B5 load average at end: %s%n", loadAverage());
    }

    /**
     * True when a start of {@code profile} would find no class archive of a role to map, as its launcher decides
     * ({@link LocalCluster#lacksArchives}): an archive is named by what it was made for (the JDK, each runtime
     * artefact's size and time, the JVM options), so one recorded before {@code bench/run} rebuilt the WARs, or for
     * other options on the same runtime, counts as missing and is recorded again.
     */
    static boolean lacksArchives(String profile, int computes, Path archives) throws IOException {
        Path root = Files.createTempDirectory("bacalao-b5");
        try (LocalCluster cluster = cluster(profile, root, computes, false, archives)) {
            return cluster.lacksArchives();
        } finally {
            deleteTree(root);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * One devstack start of {@code profile}; with {@code record}, the start that records the profile's class
     * archives (written as its nodes stop; its figures are those of a start with -XX:ArchiveClassesAtExit).
     */
    static Run run(String profile, int computes, int settleSeconds, boolean record) throws Exception {
        Path root = Files.createTempDirectory("bacalao-b5");
        long t0 = System.nanoTime();
        try (LocalCluster cluster = cluster(profile, root, computes, record, ARCHIVES)) {
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-b5-nodes")); // on SIGTERM or Ctrl+C
            cluster.start(computes);
            double ready;
            try {
                for (NodeProcess p : cluster.nodes()) p.awaitReady(READY_TIMEOUT);
                ready = (System.nanoTime() - t0) / 1e9;
                cluster.afterReady(line -> System.out.println("B5 " + profile + ": " + line));
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
                Map<String, Long> counters = perfCounters(p.pid());
                figures.add(new NodeFigures(p.spec().dataDir().getFileName().toString(), cpu.get(i),
                        proc(p.pid(), "status", "VmRSS:"), proc(p.pid(), "smaps_rollup", "Pss:"),
                        counters.getOrDefault("java.cls.loadedClasses", -1L),
                        counters.getOrDefault("java.cls.sharedLoadedClasses", -1L)));
            }
            for (NodeProcess p : nodes) {   // after every node's RSS was read: this runs a full GC
                if (p.spec().jvmOptions().stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking"))) {
                    saveNativeMemory(p, profile);
                }
            }
            return new Run(profile, ready, figures);
        } finally {
            deleteTree(root);
        }
    }

    /**
     * The devstack of one start of {@code profile}, not started yet: its nodes on free loopback ports with data dirs
     * under {@code root}, launched from the profile's runtime with its JVM options, and its class archives in
     * {@code archives} (used with {@code +cds}, recorded where missing with {@code record}).
     */
    static LocalCluster cluster(String profile, Path root, int computes, boolean record, Path archives) {
        Config config = DevstackCommand.withLocalResults(Config.defaults().with(ConfigKeys.API_HOST, "127.0.0.1")
                .with(ConfigKeys.DATA_DIR, root.toString()));
        int base = BenchCluster.freeBlock(2 * computes + 3);
        config = config.with(ConfigKeys.API_PORT, String.valueOf(base)).with(ConfigKeys.ORCHESTRATOR_PORT,
                String.valueOf(base + computes + 1)).with(ConfigKeys.LOCAL_PUBLISHER_PORT, String.valueOf(base + computes + 2));
        String[] parts = profile.split("@", 2);
        // LocalCluster launches nodes from bacalao.runtime
        System.setProperty("bacalao.runtime", parts.length > 1 ? parts[1] : DEFAULT_RUNTIME);
        return new LocalCluster(config, root.resolve("devstack"), options(profile),
                new ClassArchives(archives, parts[0].endsWith("+cds"), record));
    }

    /** A profile's JVM options: {@code current} or {@code previous}, then each {@code %OPTION} in its place. */
    static UnaryOperator<NodeSpec> options(String profile) {
        String named = profile.split("@", 2)[0].replaceFirst("\\+cds$", "");
        List<String> opts = List.of(named.split("%"));
        List<String> extra = opts.subList(1, opts.size());
        UnaryOperator<NodeSpec> base = switch (opts.get(0)) {
            case "current" -> UnaryOperator.identity();
            case "previous" -> s -> s.withJvmOptions(NodeJvmOptions.previous(s.orchestrator()));
            default -> throw new IllegalArgumentException(
                    "profile is current or previous[%OPTION...][+cds][@runtime], not " + profile);
        };
        return s -> {
            NodeSpec spec = base.apply(s);
            return spec.withJvmOptions(NodeJvmOptions.override(spec.jvmOptions(), extra));
        };
    }

    /** The runtime of this build (the property bench/run sets), before a profile's {@code @DIR} replaces it. */
    static final String DEFAULT_RUNTIME = System.getProperty("bacalao.runtime", "cli-jar/target/runtime");

    /**
     * The JVM's class counters ({@code jcmd <pid> PerfCounter.print}): classes loaded, and of them loaded from a
     * class archive (the JDK's own and a node role's).
     */
    static Map<String, Long> perfCounters(long pid) {
        Map<String, Long> values = new java.util.HashMap<>();
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "PerfCounter.print").redirectErrorStream(true).start();
            for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
                String[] kv = line.split("=", 2);
                if (kv.length == 2 && kv[0].startsWith("java.cls.")) values.put(kv[0], Long.parseLong(kv[1].trim()));
            }
            p.waitFor();
        } catch (IOException | NumberFormatException e) {
            return values;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return values;
    }

    /**
     * With {@code -XX:NativeMemoryTracking=summary} among a node's options (e.g. through BACALAO_NODE_JAVA_OPTS):
     * its NMT summary and heap, idle, saved as {@code target/b5-memory-<profile>-<node>.txt}.
     */
    static void saveNativeMemory(NodeProcess p, String profile) throws IOException, InterruptedException {
        Path out = Path.of("target", "b5-memory-" + profile.replaceAll("[^A-Za-z0-9+]", "_") + "-"
                + p.spec().dataDir().getFileName() + ".txt");
        StringBuilder text = new StringBuilder("RSS " + proc(p.pid(), "status", "VmRSS:") + " MB\n");
        for (String command : new String[]{"GC.heap_info", "VM.native_memory", "GC.run", "GC.heap_info"}) {
            Process j = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(p.pid()), command).redirectErrorStream(true).start();
            text.append("== ").append(command).append('\n').append(new String(j.getInputStream().readAllBytes()));
            j.waitFor();
        }
        text.append("RSS after GC.run ").append(proc(p.pid(), "status", "VmRSS:")).append(" MB\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
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
            System.out.printf("   %-13s cpu to ready %6.1fs  idle RSS %6.1f MB  PSS %6.1f MB  classes %6d, from archives %6d%n",
                    n.name(), n.cpuSeconds(), n.rssMb(), n.pssMb(), n.classes() + n.sharedClasses(), n.sharedClasses());
        }
    }

    static void summary(String profile, List<Run> runs) {
        if (runs.isEmpty()) return;
        double ready = median(runs.stream().map(Run::readySeconds).toList());
        List<NodeFigures> all = runs.stream().flatMap(r -> r.nodes().stream()).toList();
        List<NodeFigures> orch = all.stream().filter(n -> n.name().equals("orchestrator")).toList();
        List<NodeFigures> comp = all.stream().filter(n -> !n.name().equals("orchestrator")).toList();
        System.out.printf("  %-12s ready %6.1fs | orchestrator RSS %6.1f MB, cpu %5.1fs, classes from archives %5.0f"
                        + " | compute RSS %6.1f MB, cpu %5.1fs, classes from archives %5.0f | all nodes RSS %6.0f MB%n",
                profile, ready, median(orch.stream().map(NodeFigures::rssMb).toList()),
                median(orch.stream().map(NodeFigures::cpuSeconds).toList()),
                median(orch.stream().map(n -> (double) n.sharedClasses()).toList()),
                median(comp.stream().map(NodeFigures::rssMb).toList()), median(comp.stream().map(NodeFigures::cpuSeconds).toList()),
                median(comp.stream().map(n -> (double) n.sharedClasses()).toList()),
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
