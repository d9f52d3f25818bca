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
 * before its Docker engine offers docker, and runs a Docker job, once the engine answers.
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

    @BeforeAll
    static void start() throws Exception {
        lateDockerSocket = Files.createTempDirectory("late-docker").resolve("docker.sock");
        cluster = TestCluster.create("liveness", Map.of(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, TOKEN),
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
            String job = api.submit(SLEEP_JOB.formatted(30));
            jobs.add(job);
            JsonNode first = awaitRunning(job, null);
            String lost = first.get("NodeID").asText();
            NodeProcess victim = cluster.nodes().nodes().stream().filter(p -> p.spec().nodeId().equals(lost)).findFirst().orElseThrow();

            long killedAt = System.nanoTime();
            victim.kill();
            Waits.until("node " + lost + " DISCONNECTED", TIMEOUT.plusSeconds(20),
                    () -> node(lost).get("Connection").asText().equals("DISCONNECTED"));
            double disconnectedAfter = (System.nanoTime() - killedAt) / 1e9;
            JsonNode replacement = awaitRunning(job, first.get("ID").asText());
            double runningElsewhereAfter = (System.nanoTime() - killedAt) / 1e9;
            System.out.printf("node loss: DISCONNECTED after %.1fs, execution running elsewhere after %.1fs (DisconnectTimeout %ds)%n",
                    disconnectedAfter, runningElsewhereAfter, TIMEOUT.toSeconds());

            // the check runs every third of the timeout, so the node is gone within timeout + a third (+ slack)
            assertTrue(disconnectedAfter <= TIMEOUT.toSeconds() * 4 / 3.0 + 3, "disconnected after " + disconnectedAfter + "s");
            assertNotEquals(lost, replacement.get("NodeID").asText());
            assertTrue(node(lost).get("ConnectionState").get("LastError").asText().startsWith("no heartbeat for"));
            JsonNode gone = events.await(lost, is("CONNECTION", "DISCONNECTED"), Duration.ofSeconds(10));
            assertTrue(gone.get("Message").asText().startsWith("no heartbeat for"), gone.toString());
            assertEquals("Completed", api.awaitTerminal(job, Duration.ofSeconds(120)));
        }
    }

    @Test
    @Order(2)
    void afterTheOrchestratorAndItsBrokerRestartTheNodeReconnectsAndJobsComplete() throws Exception {
        Api api = cluster.api();
        NodeProcess survivor = cluster.nodes().nodes().stream().filter(p -> !p.spec().orchestrator()).findFirst().orElseThrow();
        String running = api.submit(SLEEP_JOB.formatted(8));
        jobs.add(running);
        awaitRunning(running, null);
        long logBefore = Files.size(survivor.log());

        cluster.orchestrator().kill();
        Waits.until("the node to notice the broker is gone", Duration.ofSeconds(30),
                () -> tail(survivor, logBefore).contains("cannot reach the orchestrator's broker"));
        cluster.restartOrchestrator();
        Waits.until("the node to rejoin", Duration.ofSeconds(60), () -> tail(survivor, logBefore).contains("rejoined the orchestrator"));
        assertEquals("CONNECTED", node(survivor.spec().nodeId()).get("Connection").asText());

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

    private static String engines(String nodeId) {
        return node(nodeId).get("Info").get("ComputeNodeInfo").get("ExecutionEngines").toString();
    }

    /** The first execution of the job that is Running (ComputeState 4), other than {@code except}. */
    private static JsonNode awaitRunning(String job, String except) {
        JsonNode[] found = new JsonNode[1];
        Waits.until("an execution of " + job + " running", Duration.ofSeconds(90), () -> {
            for (JsonNode e : cluster.api().get("/api/v1/orchestrator/jobs/" + job + "/executions").json().get("Items")) {
                if (e.get("ID").asText().equals(except)) continue;
                if (e.get("ComputeState").get("StateType").asInt() == RUNNING) {
                    found[0] = e;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    static final int RUNNING = io.bacalao.domain.model.ExecutionStateType.Running.json();

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
