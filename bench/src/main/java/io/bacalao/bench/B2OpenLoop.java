package io.bacalao.bench;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.simulator.NodeSimulator;
import io.bacalao.simulator.SimulatorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * B2: open-loop throughput. Noop jobs are submitted at a fixed rate, whatever the answers, for a warm-up and then
 * a measured window; it prints the jobs completed per second within the window, submit → Completed latency (p50,
 * p99, from each job's intended submit time), the orchestrator's CPU (from /proc) and heap (jcmd GC.heap_info:
 * during the window, and live after a full GC before and after it), and with real compute nodes their CPU. Two
 * modes on a devstack it starts itself: {@code real} with 3 real compute nodes, {@code sim} with simulated compute
 * nodes ({@link NodeSimulator}) against the real orchestrator and its broker. The devstack listens on free loopback ports (it may run beside another).
 *
 * <p>Baseline in the same run, before the load: the round trip of {@code GET /agent/alive} (what any request costs)
 * and closed-loop c=1 (one job at a time: the latency with no queueing, so the open-loop latency minus it is what the
 * load adds, and 1/latency is what one waiting client gets).
 *
 * <p>Completion is learned through the API ({@link CompletionWatcher}, polling every 20 ms; its requests count in the
 * orchestrator's CPU and are printed). The devstack's API rate limit is raised to 100,000/s so that the
 * limiter, not the orchestrator, is not what is measured.
 *
 * <p>Usage: {@code bench/run B2OpenLoop [real|sim] [rate=100] [seconds=60] [warmup=15] [simNodes=100]
 * [runMillis=0]}
 */
public final class B2OpenLoop {
    static final Duration POLL = Duration.ofMillis(20);
    static final Duration DRAIN = Duration.ofSeconds(120);
    static final int BASELINE_JOBS = 50;

    private B2OpenLoop() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "sim";
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        int simNodes = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        int runMillis = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        if (!mode.equals("real") && !mode.equals("sim")) throw new IllegalArgumentException("mode must be real or sim, not " + mode);
        if (rate <= 0 || seconds <= 0 || warmup < 0) throw new IllegalArgumentException("rate and seconds must be positive, warmup >= 0");
        boolean sim = mode.equals("sim");
        Map<String, String> extra = new java.util.HashMap<>(BenchCluster.freePorts(sim ? 0 : 3));
        extra.put(ConfigKeys.API_RATE_LIMIT, "100000");
        try (BenchCluster cluster = new BenchCluster(sim ? 0 : 3, extra)) {
            System.out.printf(Locale.ROOT, "B2 devstack (1 orchestrator + %s) ready in %.1fs%n",
                    sim ? "0 real compute nodes" : "3 compute nodes", cluster.startupSeconds());
            NodeSimulator simulator = null;
            try {
                if (sim) {
                    long t = System.nanoTime();
                    simulator = NodeSimulator.start(SimulatorSettings.of(cluster.brokerUrl(), cluster.token(), simNodes)
                            .withRunTime(Duration.ofMillis(runMillis)));
                    simulator.awaitJoined(Duration.ofMinutes(3));
                    System.out.printf(Locale.ROOT, "B2 %d simulated compute nodes joined in %.1fs (run time %d ms)%n",
                            simNodes, (System.nanoTime() - t) / 1e9, runMillis);
                }
                run(cluster, rate, seconds, warmup, simulator);
            } finally {
                if (simulator != null) simulator.close();
            }
        }
    }

    /**
     * For the first partitions that ran twice: how each of their executions ended, as the orchestrator tells it (state,
     * node, and the last event's message), so that a run's printout says which rule placed the partition again.
     */
    static void explainRunsTwice(BenchCluster cluster, Map<String, List<io.bacalao.simulator.SimulatedRun>> twice) {
        twice.keySet().stream().limit(3).forEach(partition -> {
            String job = partition.substring(0, partition.indexOf('/'));
            try {
                var executions = io.bacalao.domain.spec.Json.mapper().readTree(
                        cluster.get("/api/v1/orchestrator/jobs/" + job + "/executions")).get("Items");
                for (var e : executions) {
                    System.out.printf(Locale.ROOT, "B2 ran twice: %s %s on %s: %s (%s)%n", partition, e.path("ID").asText(),
                            e.path("NodeID").asText(), e.path("ComputeState").path("StateType").asText(),
                            e.path("ComputeState").path("Message").asText());
                }
            } catch (Exception ex) {
                System.out.println("B2 ran twice: " + partition + " (executions unreadable: " + ex + ")");
            }
        });
    }

    static void run(BenchCluster cluster, double rate, int seconds, int warmup, NodeSimulator simulator) throws Exception {
        ProcessProbe orchestrator = new ProcessProbe(cluster.nodes().orchestrator().pid());
        List<ProcessProbe> computes = cluster.nodes().nodes().stream().filter(p -> !p.spec().orchestrator())
                .map(p -> new ProcessProbe(p.pid())).toList();
        try (JobTracker tracker = new JobTracker(cluster.base(), POLL)) {
            closedLoop(tracker, 10, new JobTracker.Phase());
            Stats alive = new Stats();
            for (int i = 0; i < 200; i++) {
                long s = System.nanoTime();
                cluster.get("/api/v1/agent/alive");
                alive.add((System.nanoTime() - s) / 1e6);
            }
            System.out.println(alive.summary("anchor GET /agent/alive", 1));
            JobTracker.Phase c1 = new JobTracker.Phase();
            long s1 = System.nanoTime();
            closedLoop(tracker, BASELINE_JOBS, c1);
            System.out.println(c1.latency.summary("baseline closed-loop c=1", (System.nanoTime() - s1) / 1e9));

            openLoop(tracker, rate, warmup, new JobTracker.Phase());
            double liveBefore = orchestrator.liveHeapMib();
            long requests0 = tracker.watcher().requests();
            long read0 = tracker.watcher().jobsRead();
            double cpu0 = orchestrator.cpuSeconds();
            double computeCpu0 = cpuSeconds(computes);
            double own0 = ProcessProbe.ownCpuSeconds();
            long[] machine0 = ProcessProbe.machineTicks();
            long all0 = tracker.completedAll();
            long t0 = System.nanoTime();
            long wall0 = UnixNanos.of(Instant.now());
            JobTracker.Phase measured = new JobTracker.Phase();
            List<Double> heapSamples = new ArrayList<>();
            openLoop(tracker, rate, seconds, measured, () -> heapSamples.add(orchestrator.heapUsedMib()));
            long t1 = System.nanoTime();
            long wall1 = UnixNanos.of(Instant.now());
            long all1 = tracker.completedAll();
            double cpu1 = orchestrator.cpuSeconds();
            double computeCpu1 = cpuSeconds(computes);
            double own1 = ProcessProbe.ownCpuSeconds();
            long[] machine1 = ProcessProbe.machineTicks();
            long requests1 = tracker.watcher().requests();
            long read1 = tracker.watcher().jobsRead();
            int backlog = measured.submitted.get() - (int) measured.endedBetween(t0, t1);
            long deadline = System.nanoTime() + DRAIN.toNanos();
            while (measured.ended() < measured.submitted.get() && System.nanoTime() < deadline) Thread.sleep(50);
            double liveAfter = orchestrator.liveHeapMib();

            double window = (t1 - t0) / 1e9;
            System.out.println(measured.latency.summary(String.format(Locale.ROOT, "B2 open loop %.0f/s", rate), window));
            System.out.printf(Locale.ROOT, "B2 completed %.1f jobs/s in the %.0fs window (%.1f/s of the window's own jobs;"
                            + " offered %.1f/s; %d submitted, %d submit errors, %d ended not Completed, %d not ended %ds"
                            + " after the window, backlog at its end %d)%n", (all1 - all0) / window, window,
                    measured.endedBetween(t0, t1) / window, rate, measured.submitted.get(),
                    measured.submitErrors.get(), measured.notCompleted.get(), measured.submitted.get() - measured.ended(),
                    DRAIN.toSeconds(), backlog);
            if (measured.submitErrors.get() > 0) System.out.println("B2 last submit error: " + measured.lastError);
            System.out.printf(Locale.ROOT, "B2 server stamps: %.1f jobs/s reached Completed within the window by the"
                    + " orchestrator's clock (any job, as the first figure)%n",
                    ServerCompletions.within(cluster::get, wall0, wall1) / window);
            double cpu = cpu1 - cpu0;
            System.out.printf(Locale.ROOT, "B2 orchestrator CPU %s (%.1f ms per completed job); machine busy %.0f%% of"
                            + " all cores; bench JVM%s %s%n", ProcessProbe.cores(cpu, window),
                    1000 * cpu / Math.max(1, measured.endedBetween(t0, t1)),
                    100.0 * (machine1[0] - machine0[0]) / Math.max(1, machine1[1] - machine0[1]),
                    simulator == null ? "" : " (with the simulated nodes)", ProcessProbe.cores(own1 - own0, window));
            if (!computes.isEmpty()) {
                System.out.printf(Locale.ROOT, "B2 %d compute nodes' CPU %s (%.1f ms per completed job, all of them)%n",
                        computes.size(), ProcessProbe.cores(computeCpu1 - computeCpu0, window),
                        1000 * (computeCpu1 - computeCpu0) / Math.max(1, measured.endedBetween(t0, t1)));
            }
            System.out.printf(Locale.ROOT, "B2 orchestrator heap: live %.0f MiB before the window, %.0f MiB after it"
                            + " (full GC each); in use during it %s MiB%n", liveBefore, liveAfter,
                    heapSamples.stream().map(h -> String.format(Locale.ROOT, "%.0f", h)).toList());
            System.out.printf(Locale.ROOT, "B2 watcher load: %.1f list requests/s reading %.1f jobs/s%n",
                    (requests1 - requests0) / window, (read1 - read0) / window);
            if (simulator != null) {
                System.out.printf(Locale.ROOT, "B2 simulator: %d runs, %d repeated requests answered again,"
                                + " %d partitions completed twice%n", simulator.ledger().count(),
                        simulator.ledger().repeatedRequests(), simulator.ledger().partitionsRunTwice().size());
                System.out.printf(Locale.ROOT, "B2 orchestrator log: %d nodes declared gone for missing heartbeats"
                                + " (the simulated nodes sent heartbeats up to %.1fs late)%n",
                        cluster.orchestratorLogLines("disconnected: no heartbeat"), simulator.ledger().latestHeartbeatMillis() / 1e3);
                explainRunsTwice(cluster, simulator.ledger().partitionsRunTwice());
            }
        }
    }

    /** CPU seconds the processes have used so far, together. */
    static double cpuSeconds(List<ProcessProbe> processes) {
        return processes.stream().mapToDouble(ProcessProbe::cpuSeconds).sum();
    }

    /** Runs {@code jobs} noop jobs one after the other, each waiting for the previous one's end. */
    static void closedLoop(JobTracker tracker, int jobs, JobTracker.Phase phase) throws Exception {
        for (int i = 0; i < jobs; i++) {
            int before = phase.ended() + phase.submitErrors.get();
            tracker.submit(phase, System.nanoTime()).get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (phase.ended() + phase.submitErrors.get() == before) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("a noop job did not end within 60s");
                LockSupport.parkNanos(200_000);
            }
        }
        if (phase.submitErrors.get() > 0) throw new IllegalStateException("submit failed: " + phase.lastError);
    }

    static void openLoop(JobTracker tracker, double rate, int seconds, JobTracker.Phase phase) throws Exception {
        openLoop(tracker, rate, seconds, phase, () -> {
        });
    }

    /** Submits at {@code rate} per second for {@code seconds}, on schedule; {@code every10s} runs every 10 s. */
    static void openLoop(JobTracker tracker, double rate, int seconds, JobTracker.Phase phase, Runnable every10s)
            throws Exception {
        long n = Math.round(rate * seconds);
        long start = System.nanoTime();
        long gap = (long) (1e9 / rate);
        long nextSample = start + 10_000_000_000L;
        for (long i = 0; i < n; i++) {
            long intended = start + i * gap;
            long wait = intended - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            tracker.submit(phase, intended);
            if (System.nanoTime() >= nextSample) {
                nextSample += 10_000_000_000L;
                Thread.ofVirtual().start(every10s);
            }
        }
        long end = start + n * gap;
        long wait = end - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(wait);
    }
}
