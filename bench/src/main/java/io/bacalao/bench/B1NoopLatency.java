package io.bacalao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.spec.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * B1: submit → Completed latency of noop jobs at concurrency 1 and 10 against a devstack it starts itself
 * (1 orchestrator + 3 compute nodes), with the devstack's start-up time. Anchor in the same run: the round trip
 * of {@code GET /api/v1/agent/alive} (what any request costs). Beside each level's figure, the same jobs as the
 * orchestrator stamped them: from the first to the last event of each job's history, read after the level. The
 * difference is the client's share: its submit's round trip and learning of the end by polling
 * ({@link CompletionWatcher}, every 20 ms at least).
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
                List<String> ids = Collections.synchronizedList(new ArrayList<>());
                long s = System.nanoTime();
                load(cluster, jobs, c, st, NOOP, ids);
                double seconds = (System.nanoTime() - s) / 1e9;
                System.out.println(st.summary("B1 noop c=" + c, seconds));
                System.out.println(serverSide(cluster, ids).summary("  same jobs, server stamps", seconds));
            }
        }
    }

    /** Runs {@code jobs} noop jobs with {@code concurrency} clients, each waiting for its job before the next. */
    static void load(BenchCluster cluster, int jobs, int concurrency, Stats stats) throws Exception {
        load(cluster, jobs, concurrency, stats, NOOP);
    }

    /** {@link #load} of another job: each must complete. */
    static void load(BenchCluster cluster, int jobs, int concurrency, Stats stats, String job) throws Exception {
        load(cluster, jobs, concurrency, stats, job, Collections.synchronizedList(new ArrayList<>()));
    }

    /** Each job's time from the first to the last event of its history, as the orchestrator stamped them. */
    static Stats serverSide(BenchCluster cluster, List<String> jobIds) throws Exception {
        Stats server = new Stats();
        for (String id : jobIds) {
            JsonNode items = Json.mapper().readTree(cluster.get("/api/v1/orchestrator/jobs/" + id
                    + "/history?event_type=all&limit=100")).path("Items");
            List<Instant> times = new ArrayList<>();
            items.forEach(h -> times.add(Instant.parse(h.path("Time").asText())));
            if (times.size() < 2) throw new IllegalStateException("job " + id + " has a history of " + items);
            server.add(Duration.between(Collections.min(times), Collections.max(times)).toNanos() / 1e6);
        }
        return server;
    }

    /** {@link #load} of another job, each job's ID added to {@code ids} (thread-safe) once it completed. */
    static void load(BenchCluster cluster, int jobs, int concurrency, Stats stats, String job, List<String> ids)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger left = new AtomicInteger(jobs);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long s = System.nanoTime();
                    String id = cluster.runToCompletion(job);
                    stats.add((System.nanoTime() - s) / 1e6);
                    ids.add(id);
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
