package io.bacalao.cli.command.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.bacalao.cli.CliRun;
import io.bacalao.cli.FakeOrchestrator;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code job list}: the table read from the JSON tree, and structured output bound to the model as before. */
class JobListCommandTest {
    static final String JOB = "{\"ID\":\"j-2f0c6d1e-8a4b-4c3d-9e2f-1a2b3c4d5e6f\",\"Name\":\"hello\",\"Namespace\":\"default\","
            + "\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\","
            + "\"Params\":{\"Image\":\"ubuntu\"}}}],\"State\":{\"StateType\":\"Completed\"},\"Version\":1,\"Revision\":4,"
            + "\"CreateTime\":1755600000123456789,\"ModifyTime\":1755600003123456789}";
    static final String NO_TASKS = "{\"ID\":\"j-00000000-0000-4000-8000-000000000002\",\"Type\":\"service\","
            + "\"State\":{\"StateType\":\"Running\"},\"CreateTime\":1755600000123456789}";
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
    void theTableHasTheSixColumnsAndThePageTokenHint() {
        api.json("GET", "/api/v1/orchestrator/jobs", "{\"Items\":[" + JOB + "," + NO_TASKS + "],\"NextToken\":\"t-2\"}");
        CliRun run = CliRun.against(api.port(), List.of("job", "list"), "--limit", "2");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("\\s*CREATED\\s+ID\\s+NAME\\s+JOB\\s+TYPE\\s+STATE\\s*"), run.out());
        assertTrue(lines.get(1).matches("\\s*\\d\\d:\\d\\d:\\d\\d\\s+j-2f0c6d1e\\s+hello\\s+docker\\s+batch\\s+Completed\\s*"), run.out());
        assertTrue(lines.get(2).matches("\\s*\\d\\d:\\d\\d:\\d\\d\\s+j-00000000\\s+service\\s+Running\\s*"), run.out());
        assertTrue(run.out().endsWith("To fetch more records use:\n\tbacalao job list --limit 2 --next-token t-2\n"), run.out());
        assertTrue(api.requests.get(0).startsWith("GET /api/v1/orchestrator/jobs?limit=2&labels="), api.requests.get(0));
    }

    @Test
    void jsonOutputIsTheBoundModel() throws Exception {
        api.json("GET", "/api/v1/orchestrator/jobs", "{\"Items\":[" + JOB + "],\"NextToken\":\"\"}");
        CliRun run = CliRun.against(api.port(), List.of("job", "list"), "--output", "json");
        assertEquals(0, run.exitCode(), run.err());
        List<Job> items = Json.mapper().readValue("{\"Items\":[" + JOB + "]}",
                new TypeReference<ApiModels.ListResponse<Job>>() {
                }).items();
        assertEquals(Json.write(items), run.out().trim());
    }
}
