package io.bacalao.cli.command.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliRun;
import io.bacalao.cli.FakeOrchestrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code job run --dry-run} (diff and offline fallback), {@code job rerun}, {@code job versions}, describe's "why". */
class JobSchedulingCommandsTest {
    private static final String SPEC = "Name: web\nType: batch\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n";
    private static final String JOB = "{\"ID\":\"j-1\",\"Name\":\"web\",\"Namespace\":\"default\",\"Type\":\"batch\","
            + "\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}],"
            + "\"State\":{\"StateType\":\"%s\"%s},\"Version\":%d,\"Revision\":3,\"CreateTime\":1,\"ModifyTime\":%d}";

    @TempDir
    Path tmp;
    FakeOrchestrator api;

    @BeforeEach
    void start() throws IOException {
        api = new FakeOrchestrator();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Path spec() throws IOException {
        Path p = tmp.resolve("job.yaml");
        Files.writeString(p, SPEC);
        return p;
    }

    @Test
    void dryRunPrintsTheServersDiffAndSubmitsNothing() throws IOException {
        api.json("PUT", "/api/v1/orchestrator/jobs/diff", "{\"Diff\":\"- Count: 1\\n+ Count: 3\",\"Warnings\":null}");
        CliRun run = CliRun.against(api.port(), List.of("job", "run"), "--dry-run", spec().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("- Count: 1\n+ Count: 3\n", run.out());
        assertEquals(List.of("PUT /api/v1/orchestrator/jobs/diff"), api.requests);
        assertTrue(api.bodies.get(0).contains("\"Name\":\"web\""), api.bodies.get(0));
    }

    @Test
    void dryRunWithoutDifferencesWarns() throws IOException {
        api.json("PUT", "/api/v1/orchestrator/jobs/diff", "{\"Diff\":\"\"}");
        CliRun run = CliRun.against(api.port(), List.of("job", "run"), "--dry-run", spec().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Warning: No diff detected.\n", run.err());
    }

    @Test
    void dryRunFallsBackToTheSpecWhenTheServerCannotDiff() throws IOException {
        CliRun run = CliRun.against(api.port(), List.of("job", "run"), "--dry-run", spec().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("Error: failed to fetch Job spec: not found: PUT /api/v1/orchestrator/jobs/diff\n"
                + "Warning: falling back to offline mode...\n"), run.err());
        assertTrue(run.out().contains("Name: web") && run.out().contains("Type: noop"), run.out());
    }

    @Test
    void rerunAsksForTheVersionAndPrintsTheJobId() {
        api.json("PUT", "/api/v1/orchestrator/jobs/web/rerun",
                "{\"JobID\":\"j-1\",\"JobVersion\":4,\"EvaluationID\":\"e\",\"Warnings\":null}");
        CliRun run = CliRun.against(api.port(), List.of("job", "rerun"), "web", "-v", "2", "--wait=false");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("j-1\n", run.out());
        assertTrue(api.bodies.get(0).contains("\"JobVersion\":2"), api.bodies.get(0));
    }

    @Test
    void versionsListsEveryVersion() {
        api.json("GET", "/api/v1/orchestrator/jobs/web/versions", "{\"Items\":["
                + JOB.formatted("Completed", "", 1, 1_700_000_000_000_000_000L) + ","
                + JOB.formatted("Running", "", 2, 1_700_000_060_000_000_000L) + "],\"NextToken\":\"\"}");
        CliRun run = CliRun.against(api.port(), List.of("job", "versions"), "web");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).contains("CREATED AT") && lines.get(0).contains("JOB VERSION"), run.out());
        assertTrue(lines.get(1).trim().endsWith("1") && lines.get(2).trim().endsWith("2"), run.out());
    }

    @Test
    void describeExplainsWhyAJobWaits() {
        String details = ",\"Message\":\"Job queued. not enough nodes\",\"Details\":{\"Why\":\"• Node n-1: needs 4 CPU,"
                + " largest node offers 1 CPU — lower --cpu or add a node with ≥ 4 CPU\"}";
        api.json("GET", "/api/v1/orchestrator/jobs/web", "{\"Job\":" + JOB.formatted("Queued", details, 1, 2)
                + ",\"History\":{\"Items\":[],\"NextToken\":\"\"},\"Executions\":{\"Items\":[],\"NextToken\":\"\"}}");
        CliRun run = CliRun.against(api.port(), List.of("job", "describe"), "web");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Why it is waiting\n  • Node n-1: needs 4 CPU, largest node offers 1 CPU —"
                + " lower --cpu or add a node with ≥ 4 CPU\n"), run.out());
    }
}
