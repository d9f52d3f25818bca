package io.bacalao.it.cluster;

import static io.bacalao.it.support.NodeEventsSubscriber.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.Cli;
import io.bacalao.it.support.NodeEventsSubscriber;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import io.bacalao.payara.NodeProcess;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Onboarding with Orchestrator.NodeManager.ManualApproval: new nodes wait as PENDING and take no work until an
 * operator approves them; a rejected node is disconnected and refused; a deleted node registers again. Every
 * change is seen by an outside subscriber of the node-events topic.
 */
class NodeApprovalIT {
    static final String TOKEN = "approval-token";
    static final Duration SOON = Duration.ofSeconds(60);
    static TestCluster cluster;
    static NodeEventsSubscriber events;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.create("approval", Map.of(ConfigKeys.MANUAL_APPROVAL, "true",
                ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, TOKEN)).start(1);
        events = new NodeEventsSubscriber("tcp://127.0.0.1:" + cluster.base().get(ConfigKeys.ORCHESTRATOR_PORT), TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        if (events != null) events.close();
        if (cluster != null) cluster.close();
    }

    @Test
    void aJobWaitsWhileTheOnlyNodeIsPendingAndRunsOnceItIsApproved() throws Exception {
        Api api = cluster.api();
        NodeProcess compute = computeNode(1);
        String id = compute.spec().nodeId();
        assertEquals("PENDING", node(id).get("Membership").asText());
        assertTrue(Files.isRegularFile(compute.spec().dataDir().resolve("compute/registration.json")), "registration marker");

        String job = api.submit("{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"},"
                + "\"Timeouts\":{\"QueueTimeout\":900}}]}");
        // Queued: the scheduler has looked at the job and found no node it may use (the pending one is not)
        api.awaitState(job, "Queued"::equals, SOON);
        assertEquals(0, api.get("/api/v1/orchestrator/jobs/" + job + "/executions").json().get("Items").size());

        Cli.Result approve = cluster.cli().run("node", "approve", id);
        assertEquals(0, approve.exitCode(), approve.all());
        assertEquals("Ok\n", approve.out());
        assertEquals("Completed", api.awaitTerminal(job, SOON));
        assertEquals("APPROVED", node(id).get("Membership").asText());
        events.await(id, is("MEMBERSHIP", "APPROVED"), SOON);

        Cli.Result again = cluster.cli().run("node", "approve", id);
        assertEquals(1, again.exitCode());
        assertEquals("Failed to approve node " + id + ": node " + id + " already approved\n", again.err());
        Api.Response conflict = api.put("/api/v1/orchestrator/nodes/" + id, "{\"Action\":\"approve\",\"NodeID\":\"" + id + "\"}");
        assertEquals(409, conflict.status());
        assertEquals("ConflictNodeState", conflict.json().get("Code").asText());

        // a registered node that restarts comes back as itself: still APPROVED, not a new PENDING node
        compute.stop(Duration.ofSeconds(20));
        NodeProcess again2 = cluster.startCompute(1, Map.of());
        again2.awaitReady(TestCluster.READY);
        assertTrue(Files.readString(again2.log()).contains("rejoined the orchestrator"), "rejoined in " + again2.log());
        assertEquals("APPROVED", node(id).get("Membership").asText());
        assertEquals("CONNECTED", node(id).get("Connection").asText());
    }

    @Test
    void aRejectedNodeIsDisconnectedAndRefusedAndOnceDeletedItRegistersAgain() throws Exception {
        Api api = cluster.api();
        NodeProcess compute = cluster.startCompute(2, Map.of());
        compute.awaitReady(TestCluster.READY);
        String id = compute.spec().nodeId();
        events.await(id, is("MEMBERSHIP", "PENDING"), SOON);

        Cli.Result reject = cluster.cli().run("node", "reject", id, "-m", "not one of ours");
        assertEquals("Ok\n", reject.out(), reject.all());
        JsonNode rejected = node(id);
        assertEquals("REJECTED", rejected.get("Membership").asText());
        assertEquals("DISCONNECTED", rejected.get("Connection").asText());
        assertEquals("node has been rejected: not one of ours", rejected.get("ConnectionState").get("LastError").asText());
        Waits.until("the refusal in the compute node's log", SOON, () -> read(compute)
                .contains("the orchestrator refused this node: node has been rejected: not one of ours"));
        events.await(id, is("MEMBERSHIP", "REJECTED"), SOON);
        events.await(id, is("CONNECTION", "DISCONNECTED"), SOON);
        Waits.pause(Duration.ofSeconds(5));
        assertEquals("DISCONNECTED", node(id).get("Connection").asText(), "its handshakes are refused");
        Cli.Result twice = cluster.cli().run("node", "reject", id);
        assertEquals("Failed to reject node " + id + ": node " + id + " already rejected\n", twice.err());

        Cli.Result delete = cluster.cli().run("node", "delete", id);
        assertEquals("Ok\n", delete.out(), delete.all());
        events.await(id, e -> e.get("Type").asText().equals("DELETED"), SOON);
        Waits.until("the deleted node to register again", SOON, () -> {
            Api.Response r = api.get("/api/v1/orchestrator/nodes/" + id);
            return r.status() == 200 && r.json().get("Node").get("Connection").asText().equals("CONNECTED");
        });
        assertEquals("PENDING", node(id).get("Membership").asText());
        assertTrue(Files.readString(cluster.orchestrator().log()).contains("node " + id + " says it registered before"));
    }

    @Test
    void unknownNodesAndActionsGetBacalhausErrors() {
        Api api = cluster.api();
        Api.Response missing = api.put("/api/v1/orchestrator/nodes/n-nobody", "{\"Action\":\"approve\"}");
        assertEquals(404, missing.status(), missing.body());
        assertEquals("NotFound", missing.json().get("Code").asText());
        String self = cluster.orchestrator().spec().nodeId();
        Api.Response unknown = api.put("/api/v1/orchestrator/nodes/" + self, "{\"Action\":\"frobnicate\"}");
        assertEquals(500, unknown.status(), unknown.body());
        assertEquals("unsupported action frobnicate", unknown.json().get("Message").asText());
        Cli.Result list = cluster.cli().run("node", "list", "--filter-approval", "approved", "--show", "labels,capacity,features,version");
        assertEquals(0, list.exitCode(), list.all());
        assertTrue(list.out().contains(self), list.out());
        assertTrue(list.out().toUpperCase(java.util.Locale.ROOT).contains("ENGINES"), list.out());
        Cli.Result describe = cluster.cli().run("node", "describe", self);
        assertTrue(describe.out().contains("Membership") && describe.out().contains("APPROVED"), describe.out());
    }

    private static NodeProcess computeNode(int index) {
        return cluster.nodes().nodes().stream().filter(p -> p.spec().dataDir().endsWith("compute-" + index)).findFirst()
                .orElseThrow();
    }

    private static JsonNode node(String id) {
        return cluster.api().get("/api/v1/orchestrator/nodes/" + id).json().get("Node");
    }

    private static String read(NodeProcess p) {
        try {
            return Files.readString(p.log());
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
