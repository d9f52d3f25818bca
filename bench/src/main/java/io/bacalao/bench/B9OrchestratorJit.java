package io.bacalao.bench;

import io.bacalao.cli.launch.NodeJvmOptions;
import io.bacalao.payara.NodeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * B8: two settings of the orchestrator's JVM options, by default its JIT: C1 only ({@code -XX:TieredStopAtLevel=1},
 * the default) against full tiered compilation with C2 ({@code -XX:TieredStopAtLevel=4}), measured in the same
 * run: two devstacks (1 orchestrator +
 * N compute nodes each, free loopback ports) are started side by side, one per JIT setting, and then take turns
 * (A, B, B, A, ...): each turn runs a burst of noop jobs at concurrency 10 (B1's c=10) against one devstack while
 * the other idles. Prints per burst and per setting the jobs/s and p50/p99, the orchestrator's CPU per job, and
 * its RSS idle (15 s after both were ready), right after the bursts and 45 s later; and each devstack's ready time
 * (both started at once, so they share the machine).
 *
 * <p>Usage: {@code bench/run B9OrchestratorJit [burstJobs=200] [rounds=3] [computes=1] [warmupJobs=100] [settings]},
 * where {@code settings} names the two option sets as {@code NAME:OPTION[%OPTION...],NAME:OPTION...}, each option
 * replacing the default it names as {@code BACALAO_ORCHESTRATOR_JAVA_OPTS} would (default
 * {@code C1:-XX:TieredStopAtLevel=1,C2:-XX:TieredStopAtLevel=4}).
 */
public final class B9OrchestratorJit {
    /**
     * B1's noop job with a queue timeout: ten at once are more than one compute node's capacity, and a job that
     * finds no capacity fails at once unless it may queue (Bacalhau's rule, docs/scheduling.md).
     */
    static final String QUEUED_NOOP = B1NoopLatency.NOOP.replace("\"Engine\"", "\"Timeouts\":{\"QueueTimeout\":600},\"Engine\"");

    private B9OrchestratorJit() {
    }

    record Setting(String name, List<String> options) {
        /** {@code NAME:OPTION[%OPTION...]} */
        static Setting parse(String text) {
            String[] parts = text.split(":", 2);
            if (parts.length < 2 || parts[0].isBlank()) throw new IllegalArgumentException("a setting is NAME:OPTION[%OPTION...], not " + text);
            return new Setting(parts[0], List.of(parts[1].split("%")));
        }

        UnaryOperator<NodeSpec> adjust() {
            return s -> s.orchestrator() ? s.withJvmOptions(NodeJvmOptions.override(s.jvmOptions(), options)) : s;
        }
    }

    /** Each setting's orchestrator's RSS now, in MB. */
    private static Map<Setting, Double> orchestratorRss(Map<Setting, BenchCluster> clusters) {
        Map<Setting, Double> rss = new LinkedHashMap<>();
        clusters.forEach((s, c) -> rss.put(s, B5Footprint.proc(c.nodes().orchestrator().pid(), "status", "VmRSS:")));
        return rss;
    }

    public static void main(String[] args) throws Exception {
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int computes = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        String named = args.length > 4 ? args[4] : "C1:-XX:TieredStopAtLevel=1,C2:-XX:TieredStopAtLevel=4";
        List<Setting> settings = java.util.Arrays.stream(named.split(",")).map(Setting::parse).toList();
        System.out.printf("B8 machine load average at start: %s%n", B5Footprint.loadAverage());
        Map<Setting, BenchCluster> clusters = new LinkedHashMap<>();
        try {
            List<Thread> starts = new ArrayList<>();
            Map<Setting, Object> started = new java.util.concurrent.ConcurrentHashMap<>();
            for (Setting s : settings) {
                starts.add(Thread.ofPlatform().start(() -> {
                    try {
                        started.put(s, new BenchCluster(computes, BenchCluster.freePorts(computes), s.adjust()));
                    } catch (Exception e) {
                        started.put(s, e);
                    }
                }));
                Thread.sleep(2000);   // distinct free-port picks
            }
            for (Thread t : starts) t.join();
            for (Setting s : settings) {
                Object o = started.get(s);
                if (o instanceof Exception e) throw e;
                clusters.put(s, (BenchCluster) o);
                System.out.printf("B8 %s devstack (1 orchestrator + %d compute) ready in %.1fs%n", s.name(), computes,
                        ((BenchCluster) o).startupSeconds());
            }
            Thread.sleep(15_000);   // both idle, past the collection a node makes once its start has settled
            Map<Setting, Double> idleRss = orchestratorRss(clusters);
            for (Setting s : settings) B1NoopLatency.load(clusters.get(s), warmup, 10, new Stats(), QUEUED_NOOP);
            Map<Setting, Stats> all = new LinkedHashMap<>();
            Map<Setting, double[]> cpuAndTime = new LinkedHashMap<>();
            for (Setting s : settings) {
                all.put(s, new Stats());
                cpuAndTime.put(s, new double[3]);
            }
            for (int r = 0; r < rounds; r++) {
                List<Setting> order = new ArrayList<>(settings);
                if (r % 2 == 1) java.util.Collections.reverse(order);
                for (Setting s : order) {
                    BenchCluster c = clusters.get(s);
                    ProcessProbe orch = new ProcessProbe(c.nodes().orchestrator().pid());
                    Stats st = new Stats();
                    double cpu0 = orch.cpuSeconds();
                    long t0 = System.nanoTime();
                    B1NoopLatency.load(c, burst, 10, st, QUEUED_NOOP);
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double cpu = orch.cpuSeconds() - cpu0;
                    System.out.println(st.summary("B8 " + s.name() + " round " + (r + 1) + " c=10", wall)
                            + String.format(" orchestrator cpu %.1f ms/job", 1000 * cpu / burst));
                    st.values().forEach(all.get(s)::add);
                    double[] acc = cpuAndTime.get(s);
                    acc[0] += cpu;
                    acc[1] += wall;
                    acc[2] += burst;
                }
            }
            Map<Setting, Double> burstRss = orchestratorRss(clusters);
            Thread.sleep(45_000);   // both quiet for longer than QuietHeapGc's half minute
            Map<Setting, Double> quietRss = orchestratorRss(clusters);
            System.out.println();
            System.out.println("B8 summary (" + rounds + " interleaved bursts of " + burst + " noop jobs at c=10 per setting):");
            for (Setting s : settings) {
                double[] acc = cpuAndTime.get(s);
                System.out.println(all.get(s).summary("  " + s.name() + " " + s.options(), acc[1])
                        + String.format(" | orchestrator cpu %.1f ms/job, RSS idle %.0f MB, after the bursts %.0f MB,"
                        + " 45 s later %.0f MB", 1000 * acc[0] / acc[2], idleRss.get(s), burstRss.get(s),
                        quietRss.get(s)));
            }
            System.out.printf("B8 machine load average at end: %s%n", B5Footprint.loadAverage());
        } finally {
            clusters.values().forEach(BenchCluster::close);
        }
    }
}
