package io.bacalao.it.cluster;

import static io.bacalao.it.support.NodeEventsSubscriber.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.compat.DaemonJobUpdate;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.DockerPs;
import io.bacalao.it.support.FaultFigures;
import io.bacalao.it.support.Gate;
import io.bacalao.it.support.JobExecutions;
import io.bacalao.it.support.NodeEventsSubscriber;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import io.bacalao.payara.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Liveness with the test profile (heartbeat 2 s, DisconnectTimeout 10 s), in order on one cluster of two compute
 * nodes: a node killed with SIGKILL is DISCONNECTED within the timeout and its running batch execution is
 * rescheduled on the other node; the orchestrator (with its embedded broker) killed and restarted, after which the
 * surviving node reconnects and jobs complete; a node stopped gracefully is DISCONNECTED at once; a node started
 * before its Docker engine offers docker, and runs a Docker job, once the engine answers; a node killed mid-execution
 * and restarted on its data dir leaves nothing running (fault (b) of the fault suite, docs/testing.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeLivenessIT {
    static final String TOKEN = "liveness-token";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String SLEEP_JOB = "{\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\","
            + "\"Params\":{\"Image\":\"local/busybox:latest\",\"Parameters\":[\"sleep\",\"%d\"]}},\"Network\":{\"Type\":\"None\"}}]}";
    static TestCluster cluster;
    static final List<String> jobs = new ArrayList<>();

    /** The engine the late node talks to: absent until the test links it to the machine's engine. */
    static Path lateDockerSocket;
    /** The folder of the gates that hold the tests' runs until the test has seen what it waits for. */
    static Path gates;

    @BeforeAll
    static void start() throws Exception {
        lateDockerSocket = Files.createTempDirectory("late-docker").resolve("docker.sock");
        gates = Gate.folder("liveness");
        cluster = TestCluster.create("liveness", Map.of(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, TOKEN,
                        ConfigKeys.ALLOW_LISTED_LOCAL_PATHS, Gate.allowListEntry(gates)),
                spec -> spec.dataDir().endsWith("compute-" + LATE_NODE) ? spec.withJvmOptions(java.util.stream.Stream.concat(
                        spec.jvmOptions().stream(), java.util.stream.Stream.of("-DDOCKER_HOST=unix://" + lateDockerSocket)).toList())
                        : spec).start(2);
    }

    static final int LATE_NODE = 3;

    @AfterAll
    static void stop() throws java.io.IOException {
        if (cluster != null) cluster.close();
        for (String job : jobs) DockerPs.removeWithLabel("bacalao.job=" + job);
        Files.deleteIfExists(lateDockerSocket);
        Files.deleteIfExists(lateDockerSocket.getParent());
    }

    /** Bacalhau's suite 19 daemon update counts one execution per compute node, two: this cluster, before any is killed. */
    @Test
    @Order(0)
    void bacalhausDaemonJobUpdateScenarioOnTwoComputeNodes() {
        jobs.add(DaemonJobUpdate.run(cluster));
    }

    @Test
    @Order(1)
    void aKilledNodeIsDisconnectedWithinTheTimeoutAndItsExecutionRunsElsewhere() throws Exception {
        Api api = cluster.api();
        try (NodeEventsSubscriber events = new NodeEventsSubscriber(brokerUrl(), TOKEN)) {
            Gate gate = Gate.in(gates);
            String job = api.submit(gate.job(""));
            jobs.add(job);
            JsonNode first = JobExecutions.awaitRunning(api, job, null);
            String lost = first.get("NodeID").asText();
            NodeProcess victim = cluster.nodes().nodes().stream().filter(p -> p.spec().nodeId().equals(lost)).findFirst().orElseThrow();

            long killedAt = System.nanoTime();
            victim.kill();
            Waits.until("node " + lost + " DISCONNECTED", TIMEOUT.plusSeconds(20),
                    () -> node(lost).get("Connection").asText().equals("DISCONNECTED"));
            double disconnectedAfter = (System.nanoTime() - killedAt) / 1e9;
            JsonNode replacement = JobExecutions.awaitRunning(api, job, first.get("ID").asText());
            double runningElsewhereAfter = (System.nanoTime() - killedAt) / 1e9;
            System.out.printf("node loss: DISCONNECTED after %.1fs, execution running elsewhere after %.1fs (DisconnectTimeout %ds)%n",
                    disconnectedAfter, runningElsewhereAfter, TIMEOUT.toSeconds());

            // the check runs every third of the timeout, so the node is gone within timeout + a third (+ slack)
            assertTrue(disconnectedAfter <= TIMEOUT.toSeconds() * 4 / 3.0 + 3, "disconnected after " + disconnectedAfter + "s");
            assertNotEquals(lost, replacement.get("NodeID").asText());
            assertTrue(node(lost).get("ConnectionState").get("LastError").asText().startsWith("no heartbeat for"));
            JsonNode gone = events.await(lost, is("CONNECTION", "DISCONNECTED"), Duration.ofSeconds(10));
            assertTrue(gone.get("Message").asText().startsWith("no heartbeat for"), gone.toString());
            gate.open();
            assertEquals("Completed", api.awaitTerminal(job, Duration.ofSeconds(120)));
        }
    }

    @Test
    @Order(2)
    void afterTheOrchestratorAndItsBrokerRestartTheNodeReconnectsAndJobsComplete() throws Exception {
        Api api = cluster.api();
        NodeProcess survivor = cluster.nodes().nodes().stream().filter(p -> !p.spec().orchestrator()).findFirst().orElseThrow();
        Gate gate = Gate.in(gates);
        String running = api.submit(gate.job(""));
        jobs.add(running);
        JobExecutions.awaitRunning(api, running, null);
        long logBefore = Files.size(survivor.log());

        cluster.orchestrator().kill();
        Waits.until("the node to notice the broker is gone", Duration.ofSeconds(30),
                () -> tail(survivor, logBefore).contains("cannot reach the orchestrator's broker"));
        cluster.restartOrchestrator();
        Waits.until("the node to rejoin", Duration.ofSeconds(60), () -> tail(survivor, logBefore).contains("rejoined the orchestrator"));
        assertEquals("CONNECTED", node(survivor.spec().nodeId()).get("Connection").asText());

        gate.open();
        assertEquals("Completed", api.awaitTerminal(running, Duration.ofSeconds(120)), "the job running across the restart");
        String after = api.submit(Api.noopJob());
        assertEquals("Completed", api.awaitTerminal(after, Duration.ofSeconds(60)), "a job submitted after the restart");
    }

    @Test
    @Order(3)
    void aNodeThatShutsDownIsDisconnectedAtOnce() {
        NodeProcess node = cluster.nodes().nodes().stream().filter(p -> !p.spec().orchestrator()).findFirst().orElseThrow();
        long stopping = System.nanoTime();
        node.stop(Duration.ofSeconds(30));
        Waits.until("DISCONNECTED", Duration.ofSeconds(30),
                () -> node(node.spec().nodeId()).get("Connection").asText().equals("DISCONNECTED"));
        double after = (System.nanoTime() - stopping) / 1e9;
        assertTrue(node(node.spec().nodeId()).get("ConnectionState").get("LastError").asText().startsWith("node shut down"));
        System.out.printf("graceful shutdown: DISCONNECTED %.1fs after SIGTERM%n", after);
    }

    @Test
    @Order(4)
    void aNodeStartedBeforeItsDockerEngineOffersDockerOnceTheEngineAnswers() throws Exception {
        NodeProcess late = cluster.startCompute(LATE_NODE, Map.of());
        late.awaitReady(TestCluster.READY);
        String id = late.spec().nodeId();
        Waits.until("node " + id + " connected", Duration.ofSeconds(60),
                () -> node(id).get("Connection").asText().equals("CONNECTED"));
        assertFalse(engines(id).contains("docker"), "no engine answers at " + lateDockerSocket + ": " + engines(id));

        Files.createSymbolicLink(lateDockerSocket, Path.of("/var/run/docker.sock"));
        Waits.until("node " + id + " to offer docker", Duration.ofSeconds(60), () -> engines(id).contains("docker"));
        assertTrue(Files.readString(late.log()).contains("engine docker is available now"), "logged in " + late.log());
        String job = cluster.api().submit(SLEEP_JOB.formatted(0).replace("\"Count\":1,",
                "\"Count\":1,\"Constraints\":[{\"Key\":\"name\",\"Operator\":\"=\",\"Values\":[\"" + id + "\"]}],"));
        jobs.add(job);
        assertEquals("Completed", cluster.api().awaitTerminal(job, Duration.ofSeconds(120)));
    }

    /**
     * Fault (b) of the fault suite: a node killed with SIGKILL mid-execution and restarted on the same data dir. Its
     * execution is failed over (the orchestrator saw the node go) or reconciled (the node came back first and, on
     * restart, failed the run it lost), the job completes exactly once, neither side keeps an execution Running, the
     * node's outbox drains, and the killed run's container is gone (removed by the restarted node). Runs on whichever
     * compute nodes are up (node 3 alone after the tests before it, so its run is reconciled rather than failed over).
     */
    @Test
    @Order(5)
    void aNodeKilledMidExecutionAndRestartedOnItsDataDirLeavesNothingRunning() throws Exception {
        Api api = cluster.api();
        // it waits for a node (QueueTimeout) rather than failing when the killed node was the only one
        Gate gate = Gate.in(gates);
        String job = api.submit(gate.job("", "\"Timeouts\":{\"QueueTimeout\":300},"));
        jobs.add(job);
        JsonNode first = JobExecutions.awaitRunning(api, job, null);
        String killedRun = first.get("ID").asText();
        String id = first.get("NodeID").asText();
        NodeProcess victim = cluster.nodes().nodes().stream().filter(p -> p.spec().nodeId().equals(id)).findFirst().orElseThrow();
        int index = Integer.parseInt(victim.spec().dataDir().getFileName().toString().substring("compute-".length()));
        Waits.until("the container of " + killedRun, Duration.ofSeconds(30),
                () -> !DockerPs.withLabel("bacalao.execution=" + killedRun).isEmpty());

        victim.kill();
        long restarted = System.nanoTime();
        NodeProcess again = cluster.startCompute(index, Map.of());
        again.awaitReady(TestCluster.READY);
        Waits.until("node " + id + " connected again", Duration.ofSeconds(60),
                () -> node(id).get("Connection").asText().equals("CONNECTED"));
        Duration recovery = FaultFigures.since(restarted);

        assertEquals(List.of(), DockerPs.withLabel("bacalao.execution=" + killedRun), "containers of the killed run");
        gate.open();
        assertEquals("Completed", api.awaitTerminal(job, Duration.ofSeconds(120)));
        JsonNode killed = JobExecutions.find(api, job, killedRun);
        assertTrue(JobExecutions.ended(killed), "the killed run is not active on the orchestrator: " + killed);
        Waits.until("no execution of " + job + " left active on the orchestrator", Duration.ofSeconds(60),
                () -> JobExecutions.of(api, job).stream().allMatch(JobExecutions::ended));
        Waits.until("nothing running on node " + id + " by its own account, its outbox drained", Duration.ofSeconds(60), () -> {
            JsonNode debug = new Api(cluster.nodes().host(), cluster.apiPort() + index).get("/api/v1/agent/debug").json();
            return debug.get("Executions").path("Running").asLong(0) == 0 && debug.get("Outbox").get("Pending").asLong() == 0;
        });
        FaultFigures.measure("compute kill -9 mid-execution", api, List.of(job), recovery, "node reconnected").printAndCheck();
        System.out.printf("compute kill -9: the killed run ended as %s: %s%n", killed.get("ComputeState").get("StateType"),
                killed.get("ComputeState").get("Message"));
    }

    private static String engines(String nodeId) {
        return node(nodeId).get("Info").get("ComputeNodeInfo").get("ExecutionEngines").toString();
    }

    private static JsonNode node(String id) {
        return cluster.api().get("/api/v1/orchestrator/nodes/" + id).json().get("Node");
    }

    private static String brokerUrl() {
        return "tcp://127.0.0.1:" + cluster.base().get(ConfigKeys.ORCHESTRATOR_PORT);
    }

    private static String tail(NodeProcess p, long from) {
        try {
            String all = Files.readString(p.log());
            return all.substring((int) Math.min(from, all.length()));
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
