package io.bacalao.cli.command.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * Bacalhau's {@code job run} and list flags: templating ({@code -V}, {@code --no-template}), {@code --node-details},
 * {@code --group-events}, {@code describe -v}, {@code --next-token} on history, executions and node list, and
 * {@code node approve -m}.
 */
class BacalhauRunFlagsTest {
    private static final String JOB = "{\"Job\":{\"ID\":\"j-1\",\"Name\":\"web\",\"Namespace\":\"default\",\"Type\":\"batch\","
            + "\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}],"
            + "\"State\":{\"StateType\":\"Completed\"},\"Version\":%d,\"Revision\":3,\"CreateTime\":1,\"ModifyTime\":2}}";
    private static final String SUBMITTED = "{\"JobID\":\"j-1\",\"EvaluationID\":\"e-1\",\"Warnings\":[]}";

    @TempDir
    Path tmp;
    FakeOrchestrator api;

    @BeforeEach
    void start() throws IOException {
        api = new FakeOrchestrator();
        api.json("PUT", "/api/v1/orchestrator/jobs", SUBMITTED);
        api.json("GET", "/api/v1/orchestrator/jobs/j-1", JOB.formatted(1));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String spec(String text) throws IOException {
        return Files.writeString(tmp.resolve("job.yaml"), text).toString();
    }

    private static String history(String... events) {
        return "{\"Items\":[" + String.join(",", events) + "],\"NextToken\":\"\"}";
    }

    private static String event(String type, String execution, String message, int second) {
        return ("{\"Type\":\"%s\",\"JobID\":\"j-1\",\"JobVersion\":1%s,\"Event\":{\"Message\":\"%s\",\"Topic\":\"Exec\","
                + "\"Timestamp\":\"2026-01-01T10:00:0%dZ\"},\"Time\":\"2026-01-01T10:00:0%dZ\"}")
                .formatted(type, execution == null ? "" : ",\"ExecutionID\":\"" + execution + "\"", message, second, second);
    }

    @Test
    void templateVariablesAreReplacedBeforeTheSpecIsRead() throws IOException {
        api.json("GET", "/api/v1/orchestrator/jobs/j-1/history", history());
        CliRun run = CliRun.against(api.port(), List.of("job", "run"), "--wait=false", "-V", "name=web-7", "--template-vars",
                "engine=noop", spec("Name: {{.name}}\nType: batch\nTasks:\n  - Name: main\n    Engine:\n      Type: {{ .engine }}\n"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(api.bodies.get(0).contains("\"Name\":\"web-7\""), api.bodies.get(0));
    }

    @Test
    void noTemplateSendsThePlaceholdersAsTheyAre() throws IOException {
        CliRun run = CliRun.against(api.port(), List.of("job", "run"), "--wait=false", "--no-template",
                spec("Name: \"{{.name}}\"\nType: batch\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(api.bodies.get(0).contains("\"Name\":\"{{.name}}\""), api.bodies.get(0));
    }

    @Test
    void nodeDetailsSummariseTheResultsByNode() throws IOException {
        api.json("GET", "/api/v1/orchestrator/jobs/j-1/history", history(event("JobLevel", null, "Job submitted", 1)));
        api.json("GET", "/api/v1/orchestrator/jobs/j-1/executions", "{\"Items\":["
                + "{\"ID\":\"e-1\",\"NodeID\":\"n-5f0e1c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b\",\"JobVersion\":1,"
                + "\"RunOutput\":{\"Stdout\":\"hello\\n\",\"stderr\":\"\",\"ExitCode\":0,\"ErrorMsg\":\"\"}},"
                + "{\"ID\":\"e-2\",\"NodeID\":\"n-2\",\"JobVersion\":1,"
                + "\"RunOutput\":{\"Stdout\":\"\",\"stderr\":\"boom\",\"ExitCode\":2,\"ErrorMsg\":\"\"}}],\"NextToken\":\"\"}");
        CliRun run = CliRun.against(api.port(), List.of("job", "run"), "--node-details",
                spec("Name: web\nType: batch\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\nJob Results By Node:\n"), run.out());
        assertTrue(run.err().contains("• Node n-5f0e1c2a: hello\n"), run.err());
        assertTrue(run.err().contains("• Node n-2: boom\n"), run.err());
        assertTrue(run.out().indexOf("Job Results By Node:") < run.out().indexOf("To get more details"), run.out());
    }

    @Test
    void groupedEventsShowTheLatestEventOfEachExecutionThenTheJobs() throws IOException {
        api.json("GET", "/api/v1/orchestrator/jobs/j-1/history", history(event("JobLevel", null, "Job submitted", 1),
                event("ExecutionLevel", "e-aaaaaaaa-1", "Scheduled", 2), event("ExecutionLevel", "e-bbbbbbbb-2", "Scheduled", 3),
                event("ExecutionLevel", "e-aaaaaaaa-1", "Running", 4), event("JobLevel", null, "Job completed", 5)));
        CliRun run = CliRun.against(api.port(), List.of("job", "run"), "--group-events",
                spec("Name: web\nType: batch\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n"));
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = run.out().lines().filter(l -> l.startsWith(" ")).toList();
        assertEquals(4, rows.size(), run.out());
        assertTrue(rows.get(0).contains("EXEC. ID"), run.out());
        assertTrue(rows.get(1).contains("e-aaaaaaaa") && rows.get(1).endsWith("Running"), run.out());
        assertTrue(rows.get(2).contains("e-bbbbbbbb") && rows.get(2).endsWith("Scheduled"), run.out());
        assertTrue(rows.get(3).endsWith("Job completed"), run.out());
        assertFalse(run.out().contains("Job submitted"), "only the latest job event: " + run.out());
    }

    @Test
    void describeAsksForTheVersion() {
        String job = JOB.formatted(2);
        api.json("GET", "/api/v1/orchestrator/jobs/j-1", job.substring(0, job.length() - 1)
                + ",\"History\":{\"Items\":[]},\"Executions\":{\"Items\":[]}}");
        CliRun run = CliRun.against(api.port(), List.of("job", "describe"), "j-1", "-v", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(api.requests.get(0).contains("job_version=2"), api.requests.toString());
        assertTrue(run.out().contains("Version       = 2"), run.out());
    }

    @Test
    void nextTokenIsSentByHistoryExecutionsAndNodeList() {
        api.json("GET", "/api/v1/orchestrator/jobs/j-1/history", history());
        api.json("GET", "/api/v1/orchestrator/jobs/j-1/executions", "{\"Items\":[],\"NextToken\":\"\"}");
        api.json("GET", "/api/v1/orchestrator/nodes", "{\"NextToken\":\"\",\"Nodes\":[]}");
        assertEquals(0, CliRun.against(api.port(), List.of("job", "history"), "j-1", "--next-token", "t1").exitCode());
        assertEquals(0, CliRun.against(api.port(), List.of("job", "executions"), "j-1", "--next-token", "t2").exitCode());
        assertEquals(0, CliRun.against(api.port(), List.of("node", "list"), "--next-token", "t3").exitCode());
        assertTrue(api.requests.get(0).contains("next_token=t1"), api.requests.toString());
        assertTrue(api.requests.get(1).contains("next_token=t2"), api.requests.toString());
        assertTrue(api.requests.get(2).contains("next_token=t3"), api.requests.toString());
    }

    @Test
    void nodeActionsSendTheirMessage() {
        api.json("PUT", "/api/v1/orchestrator/nodes/n-1", "{\"Success\":true,\"Error\":\"\"}");
        CliRun run = CliRun.against(api.port(), List.of("node", "approve"), "n-1", "-m", "checked by ops");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(api.bodies.get(0).contains("\"Message\":\"checked by ops\""), api.bodies.get(0));
    }
}
