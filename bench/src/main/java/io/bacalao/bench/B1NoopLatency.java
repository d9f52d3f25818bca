package io.bacalao.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * B1: submit → Completed latency of noop jobs at concurrency 1 and 10 against a devstack it starts itself
 * (1 orchestrator + 3 compute nodes), with the devstack's start-up time. Anchor in the same run: the round trip
 * of {@code GET /api/v1/agent/alive} (what any request costs).
 *
 * <p>Usage: {@code bench/run B1NoopLatency [jobsPerLevel=300] [warmup=100]}
 */
public final class B1NoopLatency {
    static final String NOOP = "{\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}";

    private B1NoopLatency() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        try (BenchCluster cluster = new BenchCluster(3)) {
            System.out.printf("B1 devstack (1 orchestrator + 3 compute) ready in %.1fs%n", cluster.startupSeconds());
            load(cluster, warmup, 2, new Stats());
            Stats alive = new Stats();
            for (int i = 0; i < 500; i++) {
                long s = System.nanoTime();
                cluster.get("/api/v1/agent/alive");
                alive.add((System.nanoTime() - s) / 1e6);
            }
            System.out.println(alive.summary("anchor GET /agent/alive", 1));
            for (int c : new int[]{1, 10}) {
                Stats st = new Stats();
                long s = System.nanoTime();
                load(cluster, jobs, c, st);
                System.out.println(st.summary("B1 noop c=" + c, (System.nanoTime() - s) / 1e9));
            }
        }
    }

    /** Runs {@code jobs} noop jobs with {@code concurrency} clients, each waiting for its job before the next. */
    static void load(BenchCluster cluster, int jobs, int concurrency, Stats stats) throws Exception {
        load(cluster, jobs, concurrency, stats, NOOP);
    }

    /** {@link #load} of another job: each must complete. */
    static void load(BenchCluster cluster, int jobs, int concurrency, Stats stats, String job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger left = new AtomicInteger(jobs);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long s = System.nanoTime();
                    cluster.runToCompletion(job);
                    stats.add((System.nanoTime() - s) / 1e6);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : workers) f.get();
        } finally {
            pool.shutdownNow();   // also when a job did not complete: idle workers would keep the JVM alive
        }
    }
}
