package io.bacalao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.spec.Json;
import io.bacalao.simulator.NodeSimulator;
import io.bacalao.simulator.SimulatorSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * L1: the load suite's long profile (issue 16, item 6). {@code jobs} noop jobs are submitted as fast as the API
 * takes them by {@code threads} client threads (each sends its next submit when the last one is answered) to a
 * devstack orchestrator with simulated compute nodes ({@link NodeSimulator}) and a short job retention
 * ({@code Orchestrator.Retention.Jobs}). It prints, each beside its baseline taken before the load:
 * <ul>
 * <li>API submit latency p50/p99 under the load (baseline: one client submitting alone);</li>
 * <li>completed jobs per second, jobs lost (accepted, never seen ended, and not purged by retention), jobs that
 * ended otherwise than Completed;</li>
 * <li>duplicates: partitions that ran to completion twice on the nodes (the simulator's ledger), and jobs whose
 * executions, read over the API as each job is seen Completed, show other than one Completed execution;</li>
 * <li>the orchestrator's heap (live after a full GC before, after the load and after the purge; in use every
 * {@link #SAMPLE} during it) and the rows in its store's tables ({@code agent debug}'s {@code Store}) before,
 * every {@link #SAMPLE} during the load, after it, and once the retention has purged the load's jobs.</li>
 * </ul>
 *
 * <p>Usage: {@code bench/run L1Load [jobs=10000] [threads=20] [simNodes=50] [retention=1m]}
 */
public final class L1Load {
    static final Duration SAMPLE = Duration.ofSeconds(10);
    static final int BASELINE_SUBMITS = 50;
    /** The load counts as over when no job was seen ending for this long after the last submit. */
    static final Duration STALL = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final BenchCluster cluster;
    private final NodeSimulator simulator;
    private final ProcessProbe orchestrator;
    private final Map<String, String> endStates = new ConcurrentHashMap<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger duplicatedApi = new AtomicInteger();
    private final AtomicInteger purgedBeforeChecked = new AtomicInteger();
    private final AtomicLong lastEndNanos = new AtomicLong();
    private final ExecutorService checkers = Executors.newFixedThreadPool(2);
    private volatile String lastRefusal = "";

    private L1Load(BenchCluster cluster, NodeSimulator simulator) {
        this.cluster = cluster;
        this.simulator = simulator;
        this.orchestrator = new ProcessProbe(cluster.nodes().orchestrator().pid());
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int simNodes = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        String retention = args.length > 3 ? args[3] : "1m";
        if (jobs <= 0 || threads <= 0 || simNodes <= 0) throw new IllegalArgumentException("jobs, threads and simNodes must be positive");
        Duration keep = io.bacalao.domain.config.Durations.parse(retention);
        if (keep.isZero() || keep.isNegative()) throw new IllegalArgumentException("retention must be positive, not " + retention);
        Map<String, String> extra = new HashMap<>(BenchCluster.freePorts(0));
        extra.put(ConfigKeys.API_RATE_LIMIT, "100000");
        extra.put(ConfigKeys.JOB_RETENTION, retention);
        System.out.println("L1 machine load average at start: " + loadAverage());
        try (BenchCluster cluster = new BenchCluster(0, extra)) {
            System.out.printf(Locale.ROOT, "L1 devstack (1 orchestrator, %s=%s) ready in %.1fs%n",
                    ConfigKeys.JOB_RETENTION, retention, cluster.startupSeconds());
            long t = System.nanoTime();
            try (NodeSimulator simulator = NodeSimulator.start(SimulatorSettings.of(cluster.brokerUrl(), cluster.token(), simNodes))) {
                simulator.awaitJoined(Duration.ofMinutes(3));
                System.out.printf(Locale.ROOT, "L1 %d simulated compute nodes joined in %.1fs%n", simNodes, (System.nanoTime() - t) / 1e9);
                new L1Load(cluster, simulator).run(jobs, threads, keep);
            }
        }
        System.out.println("L1 machine load average at end: " + loadAverage());
    }

    private void run(int jobs, int threads, Duration retention) throws Exception {
        Map<String, Long> rowsBefore = cluster.storeRows();
        double heapBefore = orchestrator.liveHeapMib();
        try (CompletionWatcher watcher = new CompletionWatcher(cluster.base(), Duration.ofMillis(20), this::ended)) {
            Stats alone = new Stats();
            long a0 = System.nanoTime();
            for (int i = 0; i < BASELINE_SUBMITS; i++) submit(watcher, alone);
            System.out.println(alone.summary("L1 baseline: 1 client submit", (System.nanoTime() - a0) / 1e9));
            awaitEnded("the baseline jobs", Duration.ofMinutes(2));

            Stats submits = new Stats();
            AtomicInteger next = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            int baselineJobs = accepted.size();
            long t0 = System.nanoTime();
            for (int c = 0; c < threads; c++) {
                clients.add(Thread.ofPlatform().name("l1-client-" + c).start(() -> {
                    while (next.getAndIncrement() < jobs) submit(watcher, submits);
                }));
            }
            List<Double> heapDuring = new ArrayList<>();
            List<Map<String, Long>> rowsDuring = new ArrayList<>();
            long nextSample = t0 + SAMPLE.toNanos();
            long deadline = t0 + Duration.ofMinutes(30).toNanos();
            while (endStates.size() < accepted.size() || clients.stream().anyMatch(Thread::isAlive)) {
                if (System.nanoTime() > deadline) break;
                boolean stalled = System.nanoTime() - Math.max(lastEndNanos.get(), t0) > STALL.toNanos();
                if (stalled && clients.stream().noneMatch(Thread::isAlive)) break;
                Thread.sleep(100);
                if (System.nanoTime() >= nextSample) {
                    nextSample += SAMPLE.toNanos();
                    heapDuring.add(orchestrator.heapUsedMib());
                    rowsDuring.add(cluster.storeRows());
                    System.out.printf(Locale.ROOT, "L1 during %3.0fs: %d accepted, %d ended; heap in use %.0f MiB; rows %s%n",
                            (System.nanoTime() - t0) / 1e9, accepted.size(), endStates.size(), heapDuring.getLast(), rowsDuring.getLast());
                }
            }
            double loadSeconds = (lastEndNanos.get() - t0) / 1e9;
            checkers.shutdown();
            checkers.awaitTermination(5, TimeUnit.MINUTES);
            Map<String, Long> rowsAfter = cluster.storeRows();
            double heapAfter = orchestrator.liveHeapMib();

            int lost = 0;
            int purgedUnseen = 0;
            for (String id : accepted) {
                if (endStates.containsKey(id)) continue;
                if (purged(id)) purgedUnseen++;
                else lost++;
            }
            long notCompleted = endStates.values().stream().filter(s -> !s.equals("Completed")).count();
            long completed = endStates.size() - notCompleted - baselineJobs;
            System.out.println(submits.summary(String.format(Locale.ROOT, "L1 load: %d clients submit", threads), loadSeconds)
                    + String.format(Locale.ROOT, "  (baseline 1 client alone: p50=%.1fms p99=%.1fms)", alone.percentile(50), alone.percentile(99)));
            System.out.printf(Locale.ROOT, "L1 completed %.1f jobs/s (%d of %d accepted, %d submits refused, first submit"
                            + " to last end %.1fs); lost %d; ended otherwise than Completed %d; purged before seen ended %d%n",
                    completed / loadSeconds, completed, accepted.size() - baselineJobs, refused.get(), loadSeconds, lost, notCompleted, purgedUnseen);
            if (refused.get() > 0) System.out.println("L1 last refusal: " + lastRefusal);
            System.out.printf(Locale.ROOT, "L1 duplicated: %d partitions completed twice on the nodes (ledger: %d runs,"
                            + " %d repeated requests answered again); %d jobs with other than one Completed execution"
                            + " over the API (%d purged before their executions were read)%n",
                    simulator.ledger().partitionsRunTwice().size(), simulator.ledger().count(),
                    simulator.ledger().repeatedRequests(), duplicatedApi.get(), purgedBeforeChecked.get());
            System.out.printf(Locale.ROOT, "L1 orchestrator log: %d nodes declared gone for missing heartbeats (heartbeats"
                            + " up to %.1fs late)%n", cluster.orchestratorLogLines("disconnected: no heartbeat"),
                    simulator.ledger().latestHeartbeatMillis() / 1e3);
            B2OpenLoop.explainRunsTwice(cluster, simulator.ledger().partitionsRunTwice());

            long p0 = System.nanoTime();
            Duration purgeWait = retention.multipliedBy(2).plus(Duration.ofMinutes(5));
            Map<String, Long> rowsPurged = rowsAfter;
            while (!withinBaseline(rowsPurged, rowsBefore) && System.nanoTime() - p0 < purgeWait.toNanos()) {
                Thread.sleep(1_000);
                rowsPurged = cluster.storeRows();
            }
            double heapPurged = orchestrator.liveHeapMib();
            System.out.printf(Locale.ROOT, "L1 orchestrator live heap (after a full GC): %.0f MiB before, %.0f MiB after the"
                            + " load, %.0f MiB after the purge; in use during the load %s MiB%n", heapBefore, heapAfter,
                    heapPurged, heapDuring.stream().map(h -> String.format(Locale.ROOT, "%.0f", h)).toList());
            System.out.println("L1 store rows before the load:      " + rowsBefore);
            System.out.println("L1 store rows, largest during it:   " + largest(rowsDuring, rowsAfter));
            System.out.println("L1 store rows when the last job ended: " + rowsAfter);
            System.out.printf(Locale.ROOT, "L1 store rows %.1fs later (retention %s): %s — %s%n", (System.nanoTime() - p0) / 1e9,
                    io.bacalao.domain.config.Durations.format(retention), rowsPurged,
                    withinBaseline(rowsPurged, rowsBefore) ? "back to the baseline" : "NOT back to the baseline");
        }
    }

    /** One submit, answered or refused; an accepted job is watched for its end. */
    private void submit(CompletionWatcher watcher, Stats latency) {
        long s = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.base() + "/api/v1/orchestrator/jobs"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"Job\":" + JobTracker.NOOP + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            latency.add((System.nanoTime() - s) / 1e6);
            if (r.statusCode() != 200) {
                refused.incrementAndGet();
                lastRefusal = r.statusCode() + " " + r.body();
                return;
            }
            String id = Json.mapper().readTree(r.body()).get("JobID").asText();
            accepted.add(id);
            watcher.watch(id);
        } catch (Exception e) {
            refused.incrementAndGet();
            lastRefusal = e.toString();
        }
    }

    /** The watcher saw a job end: keep its state and check its executions over the API (off the watcher's thread). */
    private void ended(String id, String state) {
        endStates.put(id, state);
        lastEndNanos.set(System.nanoTime());
        if (state.equals("Completed")) checkers.execute(() -> checkExecutions(id));
    }

    private void checkExecutions(String id) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.base()
                    + "/api/v1/orchestrator/jobs/" + id + "/executions")).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                purgedBeforeChecked.incrementAndGet();
                return;
            }
            int completed = 0;
            for (JsonNode e : Json.mapper().readTree(r.body()).get("Items")) {
                if (e.path("ComputeState").path("StateType").asInt(-1) == ExecutionStateType.Completed.json()) completed++;
            }
            if (completed != 1) {
                duplicatedApi.incrementAndGet();
                System.out.println("L1 job " + id + " has " + completed + " Completed executions: " + r.body());
            }
        } catch (Exception e) {
            System.out.println("L1 executions of " + id + " unreadable: " + e);
        }
    }

    /** Whether a job the watcher never saw end answers 404 as purged by retention (not as never known). */
    private boolean purged(String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.base() + "/api/v1/orchestrator/jobs/" + id))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 404 && r.body().contains("purged");
    }

    private void awaitEnded(String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (endStates.size() < accepted.size()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(what + " did not end within " + timeout);
            Thread.sleep(50);
        }
    }

    static boolean withinBaseline(Map<String, Long> rows, Map<String, Long> baseline) {
        return baseline.entrySet().stream().allMatch(e -> rows.getOrDefault(e.getKey(), 0L) <= e.getValue());
    }

    /** Per table, the most rows seen in any sample. */
    static Map<String, Long> largest(List<Map<String, Long>> samples, Map<String, Long> last) {
        Map<String, Long> most = new java.util.LinkedHashMap<>(last);
        for (Map<String, Long> s : samples) s.forEach((k, v) -> most.merge(k, v, Math::max));
        return most;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
