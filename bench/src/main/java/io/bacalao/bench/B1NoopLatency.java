package io.bacalao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.cli.launch.LocalCluster;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.spec.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.Map;

/**
 * B1: submit → Completed latency of noop jobs at concurrency 1 and 10 against a devstack it starts itself
 * (1 orchestrator + 3 compute nodes), with the devstack's start-up time. Anchor in the same run: the round trip
 * of {@code GET /api/v1/agent/alive} (what any request costs). Completion is seen by one watcher that lists the
 * most recently modified jobs every 5 ms, so the measurement adds the same small load at every concurrency.
 *
 * <p>Usage: {@code bench/run B1NoopLatency [jobsPerLevel=300] [warmup=100]}
 */
public final class B1NoopLatency {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static String base;

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path root = Files.createTempDirectory("bacalao-b1");
        Config config = Config.defaults().with(ConfigKeys.API_HOST, "127.0.0.1").with(ConfigKeys.API_PORT, "31234")
                .with(ConfigKeys.ORCHESTRATOR_PORT, "34222").with(ConfigKeys.LOCAL_PUBLISHER_PORT, "36001")
                .with(ConfigKeys.DATA_DIR, root.toString());
        long t0 = System.nanoTime();
        try (LocalCluster cluster = new LocalCluster(config, root.resolve("devstack"))) {
            cluster.start(3);
            cluster.awaitReady(Duration.ofMinutes(5));
            double startup = (System.nanoTime() - t0) / 1e9;
            base = "http://127.0.0.1:" + cluster.apiPort();
            System.out.printf("B1 devstack (1 orchestrator + 3 compute) ready in %.1fs%n", startup);
            run(warmup, 2, new Stats());
            Stats alive = new Stats();
            for (int i = 0; i < 500; i++) {
                long s = System.nanoTime();
                get("/api/v1/agent/alive");
                alive.add((System.nanoTime() - s) / 1e6);
            }
            System.out.println(alive.summary("anchor GET /agent/alive", 1));
            for (int c : new int[]{1, 10}) {
                Stats st = new Stats();
                long s = System.nanoTime();
                run(jobs, c, st);
                System.out.println(st.summary("B1 noop c=" + c, (System.nanoTime() - s) / 1e9));
            }
        }
    }

    private static void run(int jobs, int concurrency, Stats stats) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency + 1);
        AtomicInteger left = new AtomicInteger(jobs);
        Map<String, CompletableFuture<Void>> outstanding = new ConcurrentHashMap<>();
        AtomicBoolean done = new AtomicBoolean();
        Future<?> watcher = pool.submit(() -> {
            while (!done.get()) {
                if (!outstanding.isEmpty()) {
                    for (JsonNode j : Json.mapper().readTree(get("/api/v1/orchestrator/jobs?order_by=modified_at"
                            + "&reverse=true&limit=" + (4 * concurrency + 10))).get("Items")) {
                        String s = j.get("State").get("StateType").asText();
                        if (s.equals("Completed") || s.equals("Failed") || s.equals("Stopped")) {
                            CompletableFuture<Void> f = outstanding.remove(j.get("ID").asText());
                            if (f != null) f.complete(null);
                        }
                    }
                }
                Thread.sleep(5);
            }
            return null;
        });
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long s = System.nanoTime();
                    CompletableFuture<Void> finished = new CompletableFuture<>();
                    String id = submit();
                    outstanding.put(id, finished);
                    if (!isTerminal(id)) finished.get(2, TimeUnit.MINUTES);
                    outstanding.remove(id);
                    stats.add((System.nanoTime() - s) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) f.get();
        done.set(true);
        watcher.get();
        pool.shutdown();
    }

    private static String submit() throws Exception {
        String body = "{\"Job\":{\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/orchestrator/jobs"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("submit failed: " + r.body());
        return Json.mapper().readTree(r.body()).get("JobID").asText();
    }

    private static boolean isTerminal(String id) throws Exception {
        JsonNode job = Json.mapper().readTree(get("/api/v1/orchestrator/jobs/" + id)).get("Job");
        String s = job.get("State").get("StateType").asText();
        if (s.equals("Failed") || s.equals("Stopped")) throw new IllegalStateException("job " + id + " ended " + s);
        return s.equals("Completed");
    }

    private static String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
