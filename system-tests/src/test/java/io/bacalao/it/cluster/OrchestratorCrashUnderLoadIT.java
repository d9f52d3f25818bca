package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.NodeEventsSubscriber;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import io.bacalao.simulator.NodeSimulator;
import io.bacalao.simulator.SimulatedRun;
import io.bacalao.simulator.SimulatorSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Invariants 1 and exactly-once under load: noop jobs are submitted at a fixed rate to simulated compute nodes (each
 * run lasts 200 ms, so some are running when the orchestrator dies) and the orchestrator is killed with SIGKILL while
 * jobs are in every stage; it restarts on its data dir, the load goes on, and then every job the API accepted (and
 * every job the orchestrator holds, including any whose submit answer was lost in the crash) ends Completed with
 * exactly one completed execution per partition, and no partition ran to completion twice on the nodes (the
 * simulator's ledger is the witness).
 *
 * <p>Then the load suite's short profile (issue 16, item 6; the long one is {@code bench/run L1Load}) on the same
 * cluster, its orchestrator restarted with a short job retention: {@link #LOAD_JOBS} noop jobs from
 * {@link #LOAD_CLIENTS} clients as fast as the API takes them all complete, each exactly once, and the retention
 * brings the store's tables back to their size before the load.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrchestratorCrashUnderLoadIT {
    static final String TOKEN = "crash-load-token";
    static final int NODES = 20;
    static final long SUBMIT_EVERY_MS = 100;
    static final int LOAD_JOBS = 1_000;
    static final int LOAD_CLIENTS = 20;
    /** Short enough to wait for, long enough for the poller to see every job end before it is purged. */
    static final String LOAD_RETENTION = "10s";
    static TestCluster cluster;
    static NodeSimulator simulator;
    /** The node events of the load test: a partition run twice is explained by a node declared gone meanwhile. */
    static NodeEventsSubscriber loadEvents;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.create("crash-load", Map.of(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, TOKEN)).start(0);
        simulator = NodeSimulator.start(SimulatorSettings.of(brokerUrl(), TOKEN, NODES).withRunTime(Duration.ofMillis(200))
                .withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        simulator.awaitJoined(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() throws Exception {
        if (loadEvents != null) loadEvents.close();
        if (simulator != null) simulator.close();
        if (cluster != null) cluster.close();
    }

    @Test
    @Order(1)
    void everyJobSubmittedAroundAnOrchestratorKillCompletesExactlyOnce() throws Exception {
        Api api = cluster.api();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        load.scheduleAtFixedRate(() -> {
            try {
                accepted.add(api.submit(Api.noopJob()));
            } catch (AssertionError | RuntimeException orchestratorAway) {
                refused.incrementAndGet();
            }
        }, 0, SUBMIT_EVERY_MS, TimeUnit.MILLISECONDS);
        try {
            Waits.until("30 runs done and 50 jobs accepted", Duration.ofSeconds(90),
                    () -> simulator.ledger().count() >= 30 && accepted.size() >= 50);
            cluster.orchestrator().kill();
            int beforeRestart = accepted.size();
            cluster.restartOrchestrator();
            Waits.until("30 more jobs accepted after the restart", Duration.ofSeconds(60),
                    () -> accepted.size() >= beforeRestart + 30);
        } finally {
            load.shutdownNow();
            load.awaitTermination(30, TimeUnit.SECONDS);
        }

        Waits.until("every job the orchestrator holds to end", Duration.ofSeconds(90),
                () -> allJobs(api).values().stream().allMatch(OrchestratorCrashUnderLoadIT::terminal));
        Map<String, String> states = allJobs(api);
        assertTrue(states.keySet().containsAll(accepted), "every accepted job is known after the restart");
        Map<String, String> notCompleted = states.entrySet().stream().filter(e -> !e.getValue().equals("Completed"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), notCompleted, "jobs that did not complete");

        Map<String, List<SimulatedRun>> twice = simulator.ledger().partitionsRunTwice();
        assertEquals(Map.of(), twice, "partitions the nodes ran to completion more than once");
        Map<String, Long> runsPerJob = simulator.ledger().runs().stream()
                .collect(Collectors.groupingBy(SimulatedRun::jobId, TreeMap::new, Collectors.counting()));
        Map<String, Long> expected = states.keySet().stream()
                .collect(Collectors.toMap(id -> id, id -> 1L, (a, b) -> a, TreeMap::new));
        assertEquals(expected, runsPerJob, "one run on the nodes for every job the orchestrator holds, and no other");
        for (String id : states.keySet()) {
            assertEquals(List.of(0), completedPartitions(api, id), () -> "completed executions of job " + id
                    + " by partition: " + api.get("/api/v1/orchestrator/jobs/" + id + "/executions").body());
        }
        System.out.printf("crash under load: %d jobs accepted (%d submits refused while the orchestrator was away),"
                        + " %d held by the orchestrator, %d runs, %d repeated requests answered again%n", accepted.size(),
                refused.get(), states.size(), simulator.ledger().count(), simulator.ledger().repeatedRequests());
    }

    /**
     * The load suite's short profile. The orchestrator is restarted with {@link #LOAD_RETENTION} of job retention
     * (and no API rate limit, so the clients meet the orchestrator, not the limiter); the baseline is the store once
     * the earlier test's jobs are purged (their tombstones, kept one more retention, must be gone at the end too). A poller reads the job list (kept short by the retention) and, for each job
     * first seen Completed, its executions; the simulator's ledger is the witness on the nodes' side.
     */
    @Test
    @Order(2)
    void aThousandJobsFromTwentyClientsCompleteOnceAndRetentionEmptiesTheStore() throws Exception {
        cluster.orchestrator().stop(Duration.ofSeconds(30));
        cluster.nodes().launch(cluster.nodes().orchestratorConfig().with(ConfigKeys.JOB_RETENTION, LOAD_RETENTION)
                .with(ConfigKeys.API_RATE_LIMIT, "100000")).awaitReady(TestCluster.READY);
        Api api = cluster.api();
        assertEquals("Completed", api.awaitTerminal(api.submit(Api.noopJob()), Duration.ofMinutes(2)),
                "a first job, once the simulated nodes are back");
        Waits.until("the store empty of earlier jobs", Duration.ofMinutes(2), () -> storeRows(api).get("Jobs") == 0);
        Map<String, Long> baseline = storeRows(api);
        loadEvents = new NodeEventsSubscriber(brokerUrl(), TOKEN);

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Map<String, String> ended = new ConcurrentHashMap<>();
        Map<String, String> notOnce = new ConcurrentHashMap<>();
        List<Double> submitMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        var checks = Executors.newFixedThreadPool(2);
        Map<String, Long> largest = new ConcurrentHashMap<>(baseline);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(() -> {
            Map<String, String> states;
            try {
                states = allJobs(api);
                storeRows(api).forEach((table, n) -> largest.merge(table, n, Math::max));
            } catch (AssertionError | RuntimeException tryAgain) {
                return;
            }
            states.forEach((id, state) -> {
                if (terminal(state) && accepted.contains(id) && ended.putIfAbsent(id, state) == null
                        && state.equals("Completed")) {
                    checks.execute(() -> {
                        try {
                            List<Integer> partitions = completedPartitions(api, id);
                            if (!partitions.equals(List.of(0))) notOnce.put(id, "completed partitions " + partitions);
                        } catch (AssertionError | RuntimeException unreadable) {
                            notOnce.put(id, "executions unreadable: " + unreadable.getMessage());
                        }
                    });
                }
            });
        }, 0, 250, TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        try (var clients = Executors.newFixedThreadPool(LOAD_CLIENTS)) {
            for (int c = 0; c < LOAD_CLIENTS; c++) {
                clients.execute(() -> {
                    while (next.getAndIncrement() < LOAD_JOBS) {
                        long s = System.nanoTime();
                        Api.Response r = api.put("/api/v1/orchestrator/jobs", "{\"Job\":" + Api.noopJob() + "}");
                        submitMillis.add((System.nanoTime() - s) / 1e6);
                        if (r.status() == 200) accepted.add(r.json().get("JobID").asText());
                        else refused.incrementAndGet();
                    }
                });
            }
        }
        double submitSeconds = (System.nanoTime() - t0) / 1e9;
        try {
            Waits.until("every accepted job seen ended", Duration.ofMinutes(5), () -> ended.keySet().containsAll(accepted));
        } finally {
            poller.shutdownNow();
            checks.shutdown();
            checks.awaitTermination(1, TimeUnit.MINUTES);
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;

        assertEquals(0, refused.get(), "submits refused");
        assertEquals(LOAD_JOBS, accepted.size(), "jobs accepted");
        assertEquals(Map.of(), ended.entrySet().stream().filter(e -> !e.getValue().equals("Completed"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "jobs that ended otherwise than Completed");
        assertEquals(Map.of(), notOnce, "jobs whose executions show other than one Completed execution, on partition 0");
        assertEquals(Map.of(), simulator.ledger().partitionsRunTwice(), () -> "partitions the nodes ran to completion twice;"
                + " nodes declared disconnected during the load (their executions are run again elsewhere): "
                + loadEvents.events().stream().filter(NodeEventsSubscriber.is("CONNECTION", "DISCONNECTED")).toList());
        Map<String, Integer> runsNotOne = accepted.stream().filter(id -> simulator.ledger().runsOf(id).size() != 1)
                .collect(Collectors.toMap(id -> id, id -> simulator.ledger().runsOf(id).size()));
        assertEquals(Map.of(), runsNotOne, "accepted jobs the nodes did not run exactly once");

        long p0 = System.nanoTime();
        Waits.until("the retention to bring the store back to " + baseline + " and to forget every tombstone",
                Duration.ofMinutes(3), () -> {
                    Map<String, Long> rows = storeRows(api);
                    return rows.get("PurgedJobs") == 0
                            && rows.entrySet().stream().allMatch(e -> e.getValue() <= baseline.getOrDefault(e.getKey(), 0L));
                });
        List<Double> sorted = new ArrayList<>(submitMillis);
        sorted.sort(null);
        System.out.printf(java.util.Locale.ROOT, "load: %d jobs from %d clients submitted in %.1fs (submit p50 %.0f ms, p99 %.0f ms),"
                        + " all Completed after %.1fs (%.1f jobs/s), 0 lost, 0 twice; store rows before %s, largest during %s,"
                        + " back to the baseline %.1fs after the last job ended%n", LOAD_JOBS, LOAD_CLIENTS, submitSeconds,
                percentile(sorted, 50), percentile(sorted, 99), loadSeconds, LOAD_JOBS / loadSeconds, baseline, new TreeMap<>(largest),
                (System.nanoTime() - p0) / 1e9);
    }

    static String brokerUrl() {
        return "tcp://127.0.0.1:" + cluster.base().get(ConfigKeys.ORCHESTRATOR_PORT);
    }

    /** Rows per table of the orchestrator's store, from {@code agent debug}. */
    private static Map<String, Long> storeRows(Api api) {
        Api.Response r = api.get("/api/v1/agent/debug");
        assertEquals(200, r.status(), r.body());
        Map<String, Long> rows = new TreeMap<>();
        r.json().get("Store").properties().forEach(e -> rows.put(e.getKey(), e.getValue().asLong()));
        return rows;
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static boolean terminal(String state) {
        return state.equals("Completed") || state.equals("Failed") || state.equals("Stopped");
    }

    /** Every job the orchestrator holds: ID → state, read page by page. */
    private static Map<String, String> allJobs(Api api) {
        Map<String, String> states = new LinkedHashMap<>();
        String next = "";
        do {
            String q = next.isEmpty() ? "limit=1000" : "next_token=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            Api.Response r = api.get("/api/v1/orchestrator/jobs?" + q);
            assertEquals(200, r.status(), r.body());
            for (JsonNode j : r.json().get("Items")) states.put(j.get("ID").asText(), j.get("State").get("StateType").asText());
            next = r.json().path("NextToken").asText("");
        } while (!next.isEmpty());
        return states;
    }

    /** The partition index of each Completed execution of a job, sorted (a partition twice means it ran twice). */
    private static List<Integer> completedPartitions(Api api, String jobId) {
        Api.Response r = api.get("/api/v1/orchestrator/jobs/" + jobId + "/executions");
        assertEquals(200, r.status(), r.body());
        List<Integer> partitions = new ArrayList<>();
        for (JsonNode e : r.json().get("Items")) {
            // execution states travel as Bacalhau's numbers
            if (e.get("ComputeState").get("StateType").asInt(-1) == ExecutionStateType.Completed.json()) {
                partitions.add(e.path("PartitionIndex").asInt(0));
            }
        }
        partitions.sort(null);
        return partitions;
    }
}
