package io.bacalao.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.SharedCluster;
import io.bacalao.it.support.TestCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Node and agent routes (reference §1.5, §1.6) and the server's health endpoints. */
@ExtendWith(SharedCluster.class)
class NodesAndAgentIT {

    @Test
    void nodesListTheComputeNodesAndTheOrchestratorItself(TestCluster cluster) {
        JsonNode r = cluster.api().get("/api/v1/orchestrator/nodes").json();
        assertEquals("", r.get("NextToken").asText());
        List<String> types = new ArrayList<>();
        for (JsonNode n : r.get("Nodes")) {
            types.add(n.get("Info").get("NodeType").asText());
            assertEquals("APPROVED", n.get("Membership").asText());
            assertEquals("CONNECTED", n.get("ConnectionState").get("Status").asText());
            assertEquals("CONNECTED", n.get("Connection").asText(), "deprecated mirror of the status");
            if (n.get("Info").get("NodeType").asText().equals("Compute")) {
                JsonNode info = n.get("Info").get("ComputeNodeInfo");
                assertTrue(info.get("MaxCapacity").get("CPU").asDouble() > 0);
                assertTrue(info.get("AvailableCapacity").get("Memory").asLong() > 0);
                assertTrue(info.get("ExecutionEngines").toString().contains("noop"));
                assertEquals("linux", n.get("Info").get("Labels").get("os_type").asText());
            }
        }
        assertEquals(3, types.stream().filter("Compute"::equals).count(), types.toString());
        assertEquals(1, types.stream().filter("Requester"::equals).count(), types.toString());
    }

    @Test
    void nodesFilterByApprovalStatusAndLabelsAndOrder(TestCluster cluster) {
        Api api = cluster.api();
        assertEquals(4, api.get("/api/v1/orchestrator/nodes?filter-approval=approved").json().get("Nodes").size());
        assertEquals(0, api.get("/api/v1/orchestrator/nodes?filter-status=disconnected").json().get("Nodes").size());
        JsonNode compute = api.get("/api/v1/orchestrator/nodes?order_by=available_cpu&reverse=true").json().get("Nodes").get(0);
        assertEquals("Compute", compute.get("Info").get("NodeType").asText());
        String id = compute.get("Info").get("NodeID").asText();
        assertEquals(1, api.get("/api/v1/orchestrator/nodes?labels=name%3D" + id).json().get("Nodes").size());
        JsonNode byPrefix = api.get("/api/v1/orchestrator/nodes/" + id.substring(0, 12)).json();
        assertEquals(id, byPrefix.get("Node").get("Info").get("NodeID").asText());
        assertEquals(404, api.get("/api/v1/orchestrator/nodes/n-nothere").status());
    }

    @Test
    void agentRoutesDescribeTheServingNode(TestCluster cluster) {
        Api api = cluster.api();
        assertEquals("OK", api.get("/api/v1/agent/alive").json().get("Status").asText());
        JsonNode version = api.get("/api/v1/agent/version").json();
        assertEquals("v1.9.3", version.get("GitVersion").asText());
        assertEquals("linux", version.get("GOOS").asText());
        assertEquals("Requester", api.get("/api/v1/agent/node").json().get("NodeType").asText());
        JsonNode config = api.get("/api/v1/agent/config").json().get("config");
        assertEquals(cluster.apiPort(), config.get("API").get("Port").asInt());
        // no token on this cluster: left out, as Bacalhau's omitempty does, its section kept (SecretsAtRestIT: a set one is redacted)
        assertFalse(config.get("Orchestrator").get("Auth").has("Token"), config.toString());
        JsonNode debug = api.get("/api/v1/agent/debug").json();
        assertEquals(cluster.orchestrator().spec().nodeId(), debug.get("Orchestrator").get("NodeID").asText());
        assertEquals(4, debug.get("NodeDiscovery").get("Nodes").asInt(), debug.toString());
        assertEquals(4, debug.get("NodeDiscovery").get("ByMembership").get("APPROVED").asInt(), debug.toString());
        assertEquals(0, debug.get("DeadLetters").get("Poisoned").asLong(), "nothing poisoned: " + debug);
        assertTrue(debug.path("Store").path("Nodes").asLong() >= 3, "the store's rows per table: " + debug);
    }

    /** A compute-only node answers the agent routes on its own API port, as Bacalhau's compute nodes do (reference §1.6). */
    @Test
    void aComputeNodeServesTheAgentRoutesOnItsOwnPort(TestCluster cluster) {
        var compute = cluster.nodes().nodes().stream().filter(p -> !p.spec().orchestrator()).findFirst().orElseThrow();
        int port = compute.spec().httpPort();
        Api api = new Api("127.0.0.1", port);
        assertEquals("OK", api.get("/api/v1/agent/alive").json().get("Status").asText());
        assertEquals("v1.9.3", api.get("/api/v1/agent/version").json().get("GitVersion").asText());
        JsonNode node = api.get("/api/v1/agent/node").json();
        assertEquals("Compute", node.get("NodeType").asText());
        assertEquals(compute.spec().nodeId(), node.get("NodeID").asText());
        assertTrue(node.get("ComputeNodeInfo").get("ExecutionEngines").toString().contains("noop"), node.toString());
        JsonNode config = api.get("/api/v1/agent/config").json().get("config");
        assertEquals(port, config.get("API").get("Port").asInt());
        assertTrue(config.get("Compute").get("Enabled").asBoolean(), config.toString());
        assertEquals(false, config.get("Orchestrator").path("Enabled").asBoolean(), "this node's own config (false: left out, as Bacalhau does)");
        JsonNode debug = api.get("/api/v1/agent/debug").json();
        assertTrue(debug.get("Registration").get("Registered").asBoolean(), debug.toString());
        assertTrue(debug.get("Engines").toString().contains("noop"), debug.toString());
        assertEquals(0, debug.get("Outbox").get("Pending").asInt(), debug.toString());
        assertEquals(0, debug.get("Outbox").get("Parked").asInt(), debug.toString());
        Api.Response elsewhere = api.get("/api/v1/orchestrator/jobs");
        assertEquals(404, elsewhere.status(), elsewhere.body());
        assertEquals("NotFound", elsewhere.json().get("Code").asText());

        var alive = new io.bacalao.it.support.Cli("127.0.0.1", port).run("agent", "node", "--output", "json");
        assertEquals(0, alive.exitCode(), alive.all());
        assertTrue(alive.out().contains(compute.spec().nodeId()), alive.out());
    }

    @Test
    void bacalhausRedirectsAndHealthChecksAnswer(TestCluster cluster) {
        Api api = cluster.api();
        Api.Response root = api.get("/");
        assertEquals(301, root.status());
        assertTrue(root.header("Location").endsWith("/api/v1/agent/version"));
        assertTrue(api.get("/livez").header("Location").endsWith("/api/v1/agent/alive"));
        Api.Response ready = api.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("job-store") && ready.body().contains("broker"), ready.body());
        assertEquals(200, api.get("/health/live").status());
    }
}
