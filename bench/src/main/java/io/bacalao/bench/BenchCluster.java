package io.bacalao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.cli.launch.DevstackCommand;
import io.bacalao.cli.launch.LocalCluster;
import io.bacalao.cli.launch.Ports;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.spec.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A devstack for benchmarks (1 orchestrator + N compute nodes on fixed loopback ports; one that is not ready within
 * {@code -Dbacalao.bench.readySeconds}, default 300, is stopped) and the client side of a
 * job: submit over the API, then learn of completion from one watcher that lists recently modified jobs every
 * 5 ms, so that waiting adds the same small load whatever the concurrency.
 */
final class BenchCluster implements AutoCloseable {
    /** How long a devstack may take to get ready (seconds: {@code -Dbacalao.bench.readySeconds}, default 600). */
    static final Duration READY = Duration.ofSeconds(Long.getLong("bacalao.bench.readySeconds", 600));
    /** How long a job submitted through this cluster may take to end before the bench gives up on it. */
    static final Duration JOB_END = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LocalCluster cluster;
    private final Config config;
    private final String base;
    private final double startupSeconds;
    private final Map<String, CompletableFuture<String>> outstanding = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread watcher;

    private final java.nio.file.Path root;
    /** Authorization header sent with every request when the cluster's API has users (docs/auth.md); null = none. */
    private volatile String authorization;

    /**
     * Environment variable with configuration for every bench devstack, {@code Key=Value} pairs separated by
     * {@code ;} (e.g. {@code Orchestrator.Inbox.BatchSize=1}): to compare settings with the same bench.
     */
    static final String CONFIG_ENV = "BACALAO_BENCH_CONFIG";

    static Map<String, String> fromEnvironment(String pairs) {
        Map<String, String> config = new java.util.LinkedHashMap<>();
        if (pairs == null || pairs.isBlank()) return config;
        for (String pair : pairs.split(";")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            if (eq < 1) throw new IllegalArgumentException(CONFIG_ENV + " wants Key=Value pairs separated by ';', not: " + pair);
            config.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return config;
    }

    BenchCluster(int computes) throws Exception {
        this(computes, Map.of());
    }

    /** A devstack whose configuration also has {@code extra} (e.g. short liveness intervals). */
    BenchCluster(int computes, Map<String, String> extra) throws Exception {
        this(computes, extra, java.util.function.UnaryOperator.identity());
    }

    /** A devstack whose configuration also has {@code extra} and whose node specs pass through {@code adjust}. */
    BenchCluster(int computes, Map<String, String> extra, java.util.function.UnaryOperator<io.bacalao.payara.NodeSpec> adjust)
            throws Exception {
        root = Files.createTempDirectory("bacalao-bench");
        Config config = DevstackCommand.withLocalResults(Config.defaults().with(ConfigKeys.API_HOST, "127.0.0.1")
                .with(ConfigKeys.API_PORT, "31234").with(ConfigKeys.ORCHESTRATOR_PORT, "31222")
                .with(ConfigKeys.LOCAL_PUBLISHER_PORT, "31301").with(ConfigKeys.DATA_DIR, root.toString()));
        for (Map.Entry<String, String> e : extra.entrySet()) config = config.with(e.getKey(), e.getValue());
        for (Map.Entry<String, String> e : fromEnvironment(System.getenv(CONFIG_ENV)).entrySet()) {
            config = config.with(e.getKey(), e.getValue());
        }
        this.config = config;
        long t0 = System.nanoTime();
        cluster = new LocalCluster(config, root.resolve("devstack"), adjust,
                io.bacalao.cli.launch.ClassArchives.fromEnvironment(System.getenv(), false));
        // a bench stopped with SIGTERM or Ctrl+C stops its nodes too (after close() there is nothing left to do)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            removeData();
        }, "stop-bench-nodes"));
        try {
            cluster.start(computes);
            cluster.awaitReady(READY);
        } catch (Exception | Error notReady) {
            cluster.close();
            removeData();
            throw notReady;
        }
        startupSeconds = (System.nanoTime() - t0) / 1e9;
        base = "http://127.0.0.1:" + cluster.apiPort();
        watcher = Thread.ofPlatform().daemon().start(this::watch);
    }

    /**
     * Ports for a devstack of {@code computes} compute nodes that are free now (API, API + i for compute i, broker,
     * local publisher + i), as extra configuration: for a bench that may run beside another devstack.
     */
    static Map<String, String> freePorts(int computes) {
        int base = freeBlock(2 * computes + 2);
        int aux = base + computes + 1;
        return Map.of(ConfigKeys.API_PORT, String.valueOf(base), ConfigKeys.ORCHESTRATOR_PORT, String.valueOf(aux),
                ConfigKeys.LOCAL_PUBLISHER_PORT, String.valueOf(aux + 1));
    }

    /**
     * The first of {@code n} consecutive loopback ports that are free now (other benchmarks may hold fixed ones), from
     * the launcher's random range, below the kernel's ephemeral ports ({@link Ports#freeRun}).
     */
    static int freeBlock(int n) {
        return Ports.freeRun("127.0.0.1", n, new java.util.Random());
    }

    /** The embedded broker's URL, for simulated compute nodes (the devstack's loopback broker). */
    String brokerUrl() {
        return "tcp://127.0.0.1:" + config.get(ConfigKeys.ORCHESTRATOR_PORT);
    }

    /** The join token compute nodes present (empty on the devstack's loopback broker). */
    String token() {
        return config.get(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN);
    }

    /** Sends {@code header} as Authorization with every request from now on (an API with API.Auth.Users). */
    BenchCluster authorization(String header) {
        this.authorization = header;
        return this;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        String a = authorization;
        return a == null ? b : b.header("Authorization", a);
    }

    /** The REST API's base URL. */
    String base() {
        return base;
    }

    /** The node processes, to kill or restart one. */
    LocalCluster nodes() {
        return cluster;
    }

    double startupSeconds() {
        return startupSeconds;
    }

    /** Submits a job and returns its final state once the watcher sees it terminal. */
    String runToEnd(String jobJson) throws Exception {
        return awaitEnd(submit(jobJson));
    }

    /**
     * {@link #runToEnd}, failing with the job's executions (their states and messages) unless it Completed; returns
     * the job's ID.
     */
    String runToCompletion(String jobJson) throws Exception {
        String id = submit(jobJson);
        String state = awaitEnd(id);
        if (!state.equals("Completed")) {
            throw new IllegalStateException("job " + id + " ended " + state + "; its executions: "
                    + get("/api/v1/orchestrator/jobs/" + id + "/executions"));
        }
        return id;
    }

    private String awaitEnd(String id) throws Exception {
        CompletableFuture<String> done = new CompletableFuture<>();
        outstanding.put(id, done);
        return done.get(JOB_END.toMillis(), TimeUnit.MILLISECONDS);
    }

    String submit(String jobJson) throws Exception {
        HttpResponse<String> r = HTTP.send(request("/api/v1/orchestrator/jobs")
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"Job\":" + jobJson + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("submit failed: " + r.body());
        return Json.mapper().readTree(r.body()).get("JobID").asText();
    }

    /** How many lines of the orchestrator's log contain {@code text} (0 when the log cannot be read). */
    long orchestratorLogLines(String text) {
        try (var lines = Files.lines(root.resolve("devstack").resolve("orchestrator").resolve("node.log"))) {
            return lines.filter(l -> l.contains(text)).count();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    String get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * Rows in each table of the orchestrator's job store ({@code agent debug}'s {@code Store}: Jobs, JobVersions,
     * Executions, History, Evaluations, PurgedJobs, Nodes), in that order.
     */
    Map<String, Long> storeRows() throws Exception {
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        Json.mapper().readTree(get("/api/v1/agent/debug")).path("Store").properties()
                .forEach(e -> rows.put(e.getKey(), e.getValue().asLong()));
        if (rows.isEmpty()) throw new IllegalStateException("agent debug has no Store entry (an older orchestrator?)");
        return rows;
    }

    /** DELETE with an empty JSON body, e.g. to stop a job. */
    String delete(String path) throws Exception {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void watch() {
        while (!closed.get()) {
            try {
                if (!outstanding.isEmpty()) {
                    JsonNode items = Json.mapper().readTree(get("/api/v1/orchestrator/jobs?order_by=modified_at"
                            + "&reverse=true&limit=" + Math.min(1000, 4 * outstanding.size() + 10))).get("Items");
                    for (JsonNode j : items) {
                        String s = j.get("State").get("StateType").asText();
                        if (s.equals("Completed") || s.equals("Failed") || s.equals("Stopped")) {
                            CompletableFuture<String> f = outstanding.remove(j.get("ID").asText());
                            if (f != null) f.complete(s);
                        }
                    }
                }
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                outstanding.values().forEach(f -> f.completeExceptionally(e));
                outstanding.clear();
            }
        }
    }

    /** Stops the nodes and removes the devstack's data (each run leaves nearly 1 GB otherwise). */
    @Override
    public void close() {
        closed.set(true);
        watcher.interrupt();
        cluster.close();
        removeData();
    }

    private void removeData() {
        try {
            io.bacalao.cli.results.ResultMerger.deleteTree(root);
        } catch (java.io.IOException e) {
            System.err.println("could not remove the bench's data folder " + root + ": " + e.getMessage());
        }
    }
}
