package io.bacalao.it.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.Cli;
import io.bacalao.it.support.DockerPs;
import io.bacalao.it.support.Gate;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import io.bacalao.payara.NodeProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scheduling on a cluster whose compute nodes differ: a small node (region=eu, 1 CPU) and a big one (region=us,
 * 2 CPU); a third eu node joins for the last test. Constraint placement, an unsatisfiable constraint and an
 * unsupported engine (failed, with Bacalhau's message and Bacalao's explanation), an ops job on every node, a
 * job queued on a full node that starts when the running one frees capacity, and a daemon that reaches a node
 * joining later and stops everywhere with the job.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulingIT {
    static final Duration DONE = Duration.ofSeconds(180);
    static final String BUSYBOX = "local/busybox:latest";
    static TestCluster cluster;
    static String small;
    static String big;
    static java.nio.file.Path gates;

    @BeforeAll
    static void start() throws Exception {
        gates = Gate.folder("scheduling");
        cluster = TestCluster.create("scheduling", Map.of(ConfigKeys.ALLOW_LISTED_LOCAL_PATHS, Gate.allowListEntry(gates))).start(0);
        NodeProcess a = cluster.startCompute(1, Map.of(ConfigKeys.LABELS, "region=eu,size=small", ConfigKeys.CAPACITY_CPU, "1"));
        NodeProcess b = cluster.startCompute(2, Map.of(ConfigKeys.LABELS, "region=us,size=big", ConfigKeys.CAPACITY_CPU, "2"));
        a.awaitReady(TestCluster.READY);
        b.awaitReady(TestCluster.READY);
        small = a.spec().nodeId();
        big = b.spec().nodeId();
        Waits.until("both compute nodes connected", Duration.ofSeconds(120), () -> connected().containsAll(Set.of(small, big)));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    private static Api api() {
        return cluster.api();
    }

    private static Set<String> connected() {
        Set<String> ids = new java.util.HashSet<>();
        api().get("/api/v1/orchestrator/nodes?filter-status=connected").json().get("Nodes")
                .forEach(n -> ids.add(n.get("Info").get("NodeID").asText()));
        return ids;
    }

    private static String noop(String type, String constraints, String engine) {
        return "{\"Type\":\"" + type + "\"," + (constraints.isEmpty() ? "" : "\"Constraints\":[" + constraints + "],")
                + "\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"" + engine + "\"}}]}";
    }

    private static String constraint(String key, String value) {
        return "{\"Key\":\"" + key + "\",\"Operator\":\"=\",\"Values\":[\"" + value + "\"]}";
    }

    private static List<JsonNode> executions(String jobId) {
        List<JsonNode> all = new ArrayList<>();
        api().get("/api/v1/orchestrator/jobs/" + jobId + "/executions").json().get("Items").forEach(all::add);
        return all;
    }

    private static Set<String> nodesOf(String jobId, int computeState) {
        return executions(jobId).stream().filter(e -> e.get("ComputeState").get("StateType").asInt() == computeState)
                .map(e -> e.get("NodeID").asText()).collect(Collectors.toSet());
    }

    private static String describe(String id) {
        return cluster.cli().run("job", "describe", id).out();
    }

    @Test
    @Order(1)
    void aConstraintPlacesTheJobOnTheMatchingNode() {
        String id = api().submit(noop("batch", constraint("region", "us"), "noop"));
        assertEquals("Completed", api().awaitTerminal(id, DONE), () -> describe(id));
        assertEquals(Set.of(big), nodesOf(id, 9));
    }

    @Test
    @Order(2)
    void anUnsatisfiableConstraintFailsSayingWhyAndWhatWouldFit() {
        String id = api().submit(noop("batch", constraint("region", "ap"), "noop"));
        assertEquals("Failed", api().awaitTerminal(id, DONE));
        JsonNode state = api().job(id).get("State");
        String message = state.get("Message").asText();
        assertTrue(message.startsWith("not enough nodes to run job. requested: 1, available: 2, suitable: 0."), message);
        assertTrue(message.contains("do not match the job's constraint region=ap"), message);
        String why = state.get("Details").get("Why").asText();
        assertTrue(why.contains("needs label region=ap — no connected node has it"), why);
        String described = describe(id);
        assertTrue(described.contains("Why it could not be placed") && described.contains("needs label region=ap"),
                described);
    }

    @Test
    @Order(3)
    void anUnsupportedEngineFails() {
        String id = api().submit(noop("batch", "", "vroomvroom"));
        assertEquals("Failed", api().awaitTerminal(id, DONE));
        String message = api().job(id).get("State").get("Message").asText();
        assertTrue(message.contains("not enough nodes to run job"), message);
        assertTrue(message.contains("does not support vroomvroom"), message);
    }

    @Test
    @Order(4)
    void anOpsJobRunsOnceOnEveryNode() {
        Cli.Result run = cluster.cli().run("docker", "run", "--target", "all", "--id-only", "--wait", BUSYBOX,
                "--", "echo", "hello from every node");
        assertEquals(0, run.exitCode(), run.all());
        String id = run.out().trim();
        assertEquals("Completed", api().awaitTerminal(id, DONE), () -> describe(id));
        assertEquals("ops", api().job(id).get("Type").asText());
        assertEquals(2, executions(id).size(), () -> describe(id));
        assertEquals(Set.of(small, big), nodesOf(id, 9));
    }

    @Test
    @Order(5)
    void aJobQueuedOnAFullNodeStartsWhenTheRunningOneFreesCapacity() {
        Gate gate = Gate.in(gates);
        Cli.Result first = cluster.cli().run("docker", "run", "--wait=false", "--constraints", "size=small", "--cpu", "1",
                "-i", gate.cliInput(), BUSYBOX, "--", "sh", "-c", Gate.await());
        assertEquals(0, first.exitCode(), first.all());
        String running = first.out().trim();
        api().awaitState(running, "Running"::equals, DONE);
        Waits.until("the small node to report its CPU in use", Duration.ofSeconds(60), () -> api()
                .get("/api/v1/orchestrator/nodes/" + small).json().get("Node").get("Info").get("ComputeNodeInfo")
                .get("AvailableCapacity").path("CPU").asDouble(0) < 0.5);

        Cli.Result second = cluster.cli().run("docker", "run", "--wait=false", "--constraints", "size=small", "--cpu", "1",
                "--queue-timeout", "300", BUSYBOX, "--", "echo", "my turn");
        assertEquals(0, second.exitCode(), second.all());
        String queued = second.out().trim();
        api().awaitState(queued, "Queued"::equals, Duration.ofSeconds(60));
        JsonNode state = api().job(queued).get("State");
        assertTrue(state.get("Message").asText().startsWith("Job queued. not enough nodes to run job."), state.toString());
        assertTrue(state.get("Details").get("Why").asText().contains("busy"), state.toString());

        gate.open();
        assertEquals("Completed", api().awaitTerminal(running, DONE), () -> describe(running));
        assertEquals("Completed", api().awaitTerminal(queued, DONE), () -> describe(queued));
        long firstEnded = executions(running).get(0).get("ModifyTime").asLong();
        long secondCreated = executions(queued).stream().mapToLong(e -> e.get("CreateTime").asLong()).min().orElseThrow();
        assertTrue(secondCreated >= firstEnded, "placed only after the first job freed the node");
        assertEquals(Set.of(small), nodesOf(queued, 9));
        assertTrue(describe(queued).contains("Job queued"), () -> describe(queued));
    }

    @Test
    @Order(6)
    void aDaemonReachesANodeThatJoinsLaterAndStopsEverywhereWithItsJob() throws Exception {
        String daemon = "{\"Type\":\"daemon\",\"Constraints\":[" + constraint("region", "eu") + "],\"Tasks\":[{\"Name\":"
                + "\"main\",\"Engine\":{\"Type\":\"docker\",\"Params\":{\"Image\":\"" + BUSYBOX + "\","
                + "\"Parameters\":[\"sleep\",\"600\"]}},\"Resources\":{\"CPU\":\"250m\",\"Memory\":\"64Mb\"}}]}";
        String id = api().submit(daemon);
        api().awaitState(id, "Running"::equals, DONE);
        Waits.until("the daemon running on the eu node", DONE, () -> nodesOf(id, 6).equals(Set.of(small)));

        NodeProcess late = cluster.startCompute(3, Map.of(ConfigKeys.LABELS, "region=eu,size=late",
                ConfigKeys.CAPACITY_CPU, "1"));
        late.awaitReady(TestCluster.READY);
        String lateId = late.spec().nodeId();
        Waits.until("the daemon running on the node that joined", DONE, () -> nodesOf(id, 6).contains(lateId));
        assertTrue(!nodesOf(id, 6).contains(big), "never on the us node");
        Waits.until("two daemon containers", DONE, () -> DockerPs.withLabel("bacalao.job=" + id).size() == 2);

        Cli.Result stop = cluster.cli().run("job", "stop", id);
        assertEquals(0, stop.exitCode(), stop.all());
        assertEquals("Stopped", api().state(id));
        Waits.until("every daemon execution cancelled", DONE,
                () -> executions(id).stream().allMatch(e -> e.get("ComputeState").get("StateType").asInt() == 11));
        Waits.until("the containers gone from both nodes", Duration.ofSeconds(60),
                () -> DockerPs.withLabel("bacalao.job=" + id).isEmpty());
    }
}
