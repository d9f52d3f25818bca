package io.bacalao.cli.command.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliRun;
import io.bacalao.cli.FakeOrchestrator;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code node approve|reject|delete} send Bacalhau's PUT body and print Ok, or "Failed to …" with exit code 1. */
class NodeActionCommandTest {
    FakeOrchestrator api;

    @BeforeEach
    void start() throws IOException {
        api = new FakeOrchestrator();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void rejectSendsTheActionAndMessageAndPrintsOk() {
        api.json("PUT", "/api/v1/orchestrator/nodes/n-1", "{\"Success\":true}");
        CliRun run = CliRun.against(api.port(), List.of("node", "reject"), "n-1", "-m", "not ours");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Ok\n", run.out());
        assertEquals("PUT /api/v1/orchestrator/nodes/n-1", api.requests.get(0));
        String body = api.bodies.get(0);
        assertTrue(body.contains("\"Action\":\"reject\"") && body.contains("\"Message\":\"not ours\"")
                && body.contains("\"NodeID\":\"n-1\""), body);
    }

    @Test
    void approveAndDeleteSendTheirActions() {
        api.json("PUT", "/api/v1/orchestrator/nodes/n-2", "{\"Success\":true}");
        assertEquals("Ok\n", CliRun.against(api.port(), List.of("node", "approve"), "n-2").out());
        assertEquals("Ok\n", CliRun.against(api.port(), List.of("node", "delete"), "n-2").out());
        assertTrue(api.bodies.get(0).contains("\"Action\":\"approve\""), api.bodies.get(0));
        assertTrue(api.bodies.get(1).contains("\"Action\":\"delete\""), api.bodies.get(1));
    }

    @Test
    void aConflictIsReportedAsBacalhauDoes() {
        api.json("PUT", "/api/v1/orchestrator/nodes/n-3", 409,
                "{\"Status\":409,\"Message\":\"node n-3 already approved\",\"Code\":\"ConflictNodeState\",\"Component\":\"NodeManager\"}");
        CliRun run = CliRun.against(api.port(), List.of("node", "approve"), "n-3");
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals("Failed to approve node n-3: node n-3 already approved\n", run.err());
    }

    @Test
    void anUnknownNodeIsReportedToo() {
        CliRun run = CliRun.against(api.port(), List.of("node", "delete"), "n-404");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("Failed to delete node n-404: "), run.err());
    }
}
