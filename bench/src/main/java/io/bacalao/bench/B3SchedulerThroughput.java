package io.bacalao.bench;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.orchestrator.scheduler.Plan;
import io.bacalao.orchestrator.scheduler.Scheduler;
import io.bacalao.orchestrator.scheduler.SchedulerSettings;
import io.bacalao.orchestrator.scheduler.Schedulers;
import io.bacalao.orchestrator.scheduler.SchedulingContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * B3: scheduler placements per second in one JVM, with 1,000 and 5,000 simulated nodes (reference target
 * ≥ 20,000/s at 1k, ≥ 5,000/s at 5k, DESIGN.md §7). Each evaluation is one new batch job ranked against every
 * node by the full chain (engines, publishers, storages, labels with a preference, max usage, over-subscription,
 * previous executions, available capacity, random) and placed: Count 20 (Bacalhau's per-evaluation cap, the
 * throughput case) and Count 1 (one placement per full ranking, the worst case). Single-threaded; a real
 * orchestrator runs WorkerCount evaluations in parallel. Rates are given per wall second and per CPU second of
 * the scheduling thread (the latter is what the code costs when other processes share the cores). Anchor in
 * the same run: committing such a plan ({@link PlanCommitAnchor}, H2 in memory over JDBC).
 *
 * <p>Usage: {@code bench/run B3SchedulerThroughput [secondsPerCase=5]}
 */
public final class B3SchedulerThroughput {
    /** Thread CPU time as well as wall time: on a shared 2-core machine the wall clock also counts other work. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private B3SchedulerThroughput() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        long nowNanos = UnixNanos.of(now);
        Scheduler scheduler = Schedulers.standard().forType(io.bacalao.domain.model.JobType.BATCH).orElseThrow();
        SchedulerSettings settings = SchedulerSettings.standard(new Random(42));
        System.out.printf(Locale.ROOT, "B3 scheduler throughput, 1 thread, JDK %s, %d cores%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        for (int nodes : new int[]{1_000, 5_000}) {
            List<NodeState> cluster = SimulatedCluster.nodes(nodes, now);
            run(scheduler, settings, cluster, 20, seconds / 2, now, nowNanos, false);
            for (int count : new int[]{20, 1}) run(scheduler, settings, cluster, count, seconds, now, nowNanos, true);
        }
        anchor(scheduler, settings, SimulatedCluster.nodes(1_000, now), now, nowNanos, seconds);
    }

    private static void run(Scheduler scheduler, SchedulerSettings settings, List<NodeState> cluster, int count,
                            double seconds, Instant now, long nowNanos, boolean print) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long started = System.nanoTime();
        long cpuStarted = CPU.getCurrentThreadCpuTime();
        long evaluations = 0;
        long placements = 0;
        while (System.nanoTime() < deadline) {
            Job job = SimulatedCluster.job((int) evaluations, count, nowNanos);
            Plan plan = scheduler.process(new SchedulingContext(job, List.of(), cluster,
                    SimulatedCluster.evaluation(job, nowNanos), now, settings));
            if (plan.newExecutions().size() != count) throw new IllegalStateException("placed " + plan.newExecutions().size());
            evaluations++;
            placements += plan.newExecutions().size();
        }
        double took = (System.nanoTime() - started) / 1e9;
        double cpu = (CPU.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        if (!print) return;
        System.out.printf(Locale.ROOT, "B3 %5d nodes, Count %2d: %7.0f placements/s wall, %7.0f per CPU-second"
                        + "  (%6.2f ms CPU per evaluation, %d evaluations in %.1f s)%n", cluster.size(), count,
                placements / took, placements / cpu, cpu * 1000 / evaluations, evaluations, took);
    }

    private static void anchor(Scheduler scheduler, SchedulerSettings settings, List<NodeState> cluster, Instant now,
                               long nowNanos, double seconds) throws Exception {
        try (PlanCommitAnchor db = new PlanCommitAnchor()) {
            Stats commits = new Stats();
            int serial = 1_000_000;
            int placed = 0;
            long spent = 0;
            long deadline = Long.MAX_VALUE;
            for (int i = -200; System.nanoTime() < deadline; i++) {
                if (i == 0) deadline = System.nanoTime() + (long) (seconds * 1e9);
                Job job = SimulatedCluster.job(serial++, 20, nowNanos);
                Evaluation eval = SimulatedCluster.evaluation(job, nowNanos);
                db.submit(job, eval);
                Plan plan = scheduler.process(new SchedulingContext(job, List.of(), cluster, eval, now, settings));
                long ns = db.commit(plan, nowNanos);
                if (i < 0) continue;
                commits.add(ns / 1e6);
                spent += ns;
                placed += plan.newExecutions().size();
            }
            System.out.printf(Locale.ROOT, "anchor: one plan-applier commit of 20 executions + 21 history rows"
                            + " (H2 in memory, JDBC, orchestrator table shapes): p50 %.2f ms, p99 %.2f ms"
                            + " = %.0f placements/s committed by one writer%n",
                    commits.percentile(50), commits.percentile(99), placed / (spent / 1e9));
        }
    }
}
