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

/** {@code node list}: the default table, read from the JSON tree. */
class NodeListCommandTest {
    static final String NODES = "{\"Nodes\":["
            + "{\"Info\":{\"NodeID\":\"orch-1\",\"NodeType\":\"Requester\",\"Labels\":{}},\"Membership\":\"APPROVED\","
            + "\"ConnectionState\":{\"Status\":\"CONNECTED\"}},"
            + "{\"Info\":{\"NodeID\":\"compute-2\",\"NodeType\":\"Compute\",\"Labels\":{\"zone\":\"a\"},"
            + "\"ComputeNodeInfo\":{\"ExecutionEngines\":[\"docker\"],\"Publishers\":[\"local\"],\"StorageSources\":[\"urlDownload\"],"
            + "\"MaxCapacity\":{\"CPU\":2,\"Memory\":1073741824,\"Disk\":1073741824,\"GPU\":0},"
            + "\"AvailableCapacity\":{\"CPU\":1.5,\"Memory\":536870912,\"Disk\":1073741824,\"GPU\":0}}},"
            + "\"Membership\":\"PENDING\",\"ConnectionState\":{\"Status\":\"DISCONNECTED\"}}],\"NextToken\":\"\"}";
    FakeOrchestrator api;

    @BeforeEach
    void start() throws IOException {
        api = new FakeOrchestrator();
        api.json("GET", "/api/v1/orchestrator/nodes", NODES);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theDefaultTableHasTheFourColumns() {
        CliRun run = CliRun.against(api.port(), List.of("node", "list"));
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("\\s*ID\\s+TYPE\\s+APPROVAL\\s+STATUS\\s*"), run.out());
        assertTrue(lines.get(1).matches("\\s*orch-1\\s+Requester\\s+APPROVED\\s+CONNECTED\\s*"), run.out());
        assertTrue(lines.get(2).matches("\\s*compute-2\\s+Compute\\s+PENDING\\s+DISCONNECTED\\s*"), run.out());
    }
}
