package io.bacalao.cli.command.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.cli.CliRun;
import io.bacalao.cli.FakeOrchestrator;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code job history}'s list flags, as Bacalhau's cmd/cli/job/history.go sends them (cliflags.ListFlags). */
class JobHistoryCommandTest {
    @Test
    void orderByAndOrderReversedAreSentAsBacalhausQueryParameters() throws IOException {
        try (FakeOrchestrator api = new FakeOrchestrator()) {
            api.json("GET", "/api/v1/orchestrator/jobs/web/history", "{\"Items\":[],\"NextToken\":\"\"}");
            CliRun run = CliRun.against(api.port(), List.of("job", "history"), "web", "--order-by", "created_at",
                    "--order-reversed", "--output", "json");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("[]", run.out().strip());
            assertEquals(List.of("GET /api/v1/orchestrator/jobs/web/history?event_type=all&order_by=created_at&reverse=true"),
                    api.requests);
        }
    }

    @Test
    void withoutTheFlagsNeitherParameterIsSent() throws IOException {
        try (FakeOrchestrator api = new FakeOrchestrator()) {
            api.json("GET", "/api/v1/orchestrator/jobs/web/history", "{\"Items\":[],\"NextToken\":\"\"}");
            CliRun run = CliRun.against(api.port(), List.of("job", "history"), "web", "--output", "json");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(List.of("GET /api/v1/orchestrator/jobs/web/history?event_type=all"), api.requests);
        }
    }
}
