package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.it.support.Api;
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
import org.junit.jupiter.api.Test;

/**
 * Invariants 1 and exactly-once under load: noop jobs are submitted at a fixed rate to simulated compute nodes (each
 * run lasts 200 ms, so some are running when the orchestrator dies) and the orchestrator is killed with SIGKILL while
 * jobs are in every stage; it restarts on its data dir, the load goes on, and then every job the API accepted (and
 * every job the orchestrator holds, including any whose submit answer was lost in the crash) ends Completed with
 * exactly one completed execution per partition, and no partition ran to completion twice on the nodes (the
 * simulator's ledger is the witness).
 */
class OrchestratorCrashUnderLoadIT {
    static final String TOKEN = "crash-load-token";
    static final int NODES = 20;
    static final long SUBMIT_EVERY_MS = 100;
    static TestCluster cluster;
    static NodeSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.create("crash-load", Map.of(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, TOKEN)).start(0);
        simulator = NodeSimulator.start(SimulatorSettings.of("tcp://127.0.0.1:" + cluster.base().get(ConfigKeys.ORCHESTRATOR_PORT),
                        TOKEN, NODES).withRunTime(Duration.ofMillis(200))
                .withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        simulator.awaitJoined(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() {
        if (simulator != null) simulator.close();
        if (cluster != null) cluster.close();
    }

    @Test
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
