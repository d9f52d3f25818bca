package io.bacalao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command's failure paths end the same way: {@code Error: …} on stderr, no stack trace, exit code 1 (bad
 * flags, an unreachable orchestrator, an unknown job or node); a command that waited for its job exits 1 when the
 * job ended Failed or Stopped and 0 when it Completed.
 */
class ExitCodesTest {
    private static final String JOB = "{\"Job\":{\"ID\":\"j-1\",\"Name\":\"web\",\"Namespace\":\"default\",\"Type\":\"batch\","
            + "\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}],"
            + "\"State\":{\"StateType\":\"%s\",\"Message\":\"%s\"},\"Version\":1,\"Revision\":3,\"CreateTime\":1,\"ModifyTime\":2}}";
    private static final String SPEC = "Name: web\nType: batch\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n";

    @TempDir
    static Path tmp;
    FakeOrchestrator api;

    @BeforeEach
    void start() throws IOException {
        api = new FakeOrchestrator();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Commands that call the orchestrator, each with the arguments it needs to get that far. */
    static Stream<List<String>> clientCommands() throws IOException {
        Path spec = Files.writeString(Files.createDirectories(tmp).resolve("job.yaml"), SPEC);
        return Stream.of(List.of("job", "list"), List.of("job", "describe", "j-1"), List.of("job", "history", "j-1"),
                List.of("job", "executions", "j-1"), List.of("job", "logs", "j-1"), List.of("job", "stop", "j-1"),
                List.of("job", "get", "j-1", "--output-dir", tmp.resolve("out").toString()),
                List.of("job", "versions", "j-1"), List.of("job", "rerun", "j-1"), List.of("job", "run", spec.toString()),
                List.of("docker", "run", "busybox", "echo", "hi"), List.of("wasm", "run", "https://example.org/m.wasm"),
                List.of("node", "list"), List.of("node", "describe", "n-1"), List.of("node", "approve", "n-1"),
                List.of("node", "reject", "n-1"), List.of("node", "delete", "n-1"), List.of("agent", "alive"),
                List.of("agent", "node"), List.of("agent", "config"), List.of("agent", "version"), List.of("version"));
    }

    /** Commands that name a job or node the orchestrator does not know. */
    static Stream<List<String>> unknownObjects() {
        return Stream.of(List.of("job", "describe", "j-9"), List.of("job", "history", "j-9"),
                List.of("job", "executions", "j-9"), List.of("job", "stop", "j-9"), List.of("job", "versions", "j-9"),
                List.of("job", "rerun", "j-9"), List.of("job", "get", "j-9", "--output-dir", tmp.resolve("out9").toString()),
                List.of("node", "describe", "n-9"), List.of("node", "approve", "n-9"), List.of("node", "delete", "n-9"));
    }

    @ParameterizedTest
    @MethodSource("clientCommands")
    void anUnknownFlagIsAnError(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add(command.get(0).equals("docker") || command.get(0).equals("wasm") ? 2 : args.size(), "--no-such-flag");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertFailure(run, "Unknown option: '--no-such-flag'");
        assertTrue(run.err().contains("Hint: see '"), run.err());
    }

    @ParameterizedTest
    @MethodSource("clientCommands")
    void anUnreachableOrchestratorIsAnError(List<String> command) {
        CliRun run = CliRun.against(1, command.subList(0, command.get(0).equals("version") ? 1 : 2),
                command.subList(command.get(0).equals("version") ? 1 : 2, command.size()).toArray(String[]::new));
        assertFailure(run, "could not connect to the orchestrator at 127.0.0.1:1");
    }

    @ParameterizedTest
    @MethodSource("unknownObjects")
    void anUnknownJobOrNodeIsAnError(List<String> command) {
        CliRun run = CliRun.against(api.port(), command.subList(0, 2), command.subList(2, command.size()).toArray(String[]::new));
        if (command.get(0).equals("node") && !command.get(1).equals("describe")) {
            // Bacalhau's wording for an action the orchestrator refused
            assertEquals(1, run.exitCode(), run.out() + run.err());
            assertTrue(run.err().startsWith("Failed to " + command.get(1) + " node n-9: "), run.err());
        } else {
            assertFailure(run, "not found");
        }
    }

    @Test
    void aMissingArgumentIsAnError() {
        assertFailure(CliRun.of("job", "describe"), "Missing required parameter");
        assertFailure(CliRun.of("node", "approve"), "Missing required parameter");
    }

    @Test
    void aBadConfigKeyOrValueIsAnError() {
        Path file = tmp.resolve("set.yaml");
        assertFailure(CliRun.of("config", "set", "--config", file.toString(), "invalid.key=value"),
                "'invalid.key' is not a valid config key");
        assertFailure(CliRun.of("config", "set", "--config", file.toString(), "Compute.Enabeld=true"),
                "did you mean 'Compute.Enabled'?");
        assertFailure(CliRun.of("config", "set", "--config", file.toString(), "API.Port=many"), "is not a whole number");
        assertFailure(CliRun.of("config", "set", "--config", file.toString(), "API.Port"), "must provide both key and value");
        assertFailure(CliRun.of("config", "list", "--output", "xml", "--data-dir", tmp.toString()), "invalid output format");
        assertFailure(CliRun.of("config", "list", "--data-dir", tmp.toString(), "-c", "Nope.Key=1"),
                "'Nope.Key' is not a valid config key");
    }

    @Test
    void aBadValueOfANumericFlagIsAnError() {
        assertFailure(CliRun.of("job", "list", "--limit", "many"), "'many' is not an int");
        assertFailure(CliRun.of("devstack", "--computes", "-1"), "--computes must be >= 0");
    }

    @Test
    void aTemplateErrorIsAnError() throws IOException {
        Path spec = Files.writeString(tmp.resolve("template.yaml"), "Name: {{.name}}\n" + SPEC.substring(SPEC.indexOf('\n') + 1));
        assertFailure(CliRun.against(api.port(), List.of("job", "run"), spec.toString()),
                "the job provided is invalid: failed to execute template: template: :1:8: executing \"\" at <.name>:"
                        + " map has no entry for key \"name\"");
        assertFailure(CliRun.against(api.port(), List.of("job", "run"), "-V", "name", spec.toString()),
                "invalid --template-vars \"name\": name must be formatted as key=value");
        assertFailure(CliRun.against(api.port(), List.of("job", "run"), "-E", "[", spec.toString()),
                "failed to create template parser");
        assertTrue(api.requests.isEmpty(), "nothing was submitted: " + api.requests);
    }

    @Test
    void aNegativeJobVersionIsAnError() {
        for (List<String> command : List.of(List.of("job", "describe"), List.of("job", "logs"), List.of("job", "rerun"),
                List.of("job", "history"), List.of("job", "executions"))) {
            assertFailure(CliRun.against(api.port(), command, "j-1", "-v", "-1"),
                    "invalid argument \"-1\" for \"-v, --version\" flag");
        }
        assertTrue(api.requests.isEmpty(), "nothing was asked: " + api.requests);
    }

    @Test
    void aBadNodeNameIsAnError() {
        assertFailure(CliRun.of("serve", "--name", "no spaces please", "--data-dir", tmp.resolve("named").toString()),
                "invalid --name \"no spaces please\"");
    }

    @Test
    void aBadLogLevelIsAnError() {
        assertFailure(CliRun.of("serve", "--log-level", "loud", "--data-dir", tmp.resolve("loud").toString()),
                "invalid --log-level \"loud\": use one of trace, debug, info, warn, error, fatal, panic");
    }

    @Test
    void aBadLoggingLevelKeyIsRefusedBeforeANodeStarts() {
        assertFailure(CliRun.of("serve", "-c", "Logging.Level=loud", "--data-dir", tmp.resolve("loud-key").toString()),
                "invalid Logging.Level \"loud\": use one of trace, debug, info, warn, error, fatal, panic");
    }

    @Test
    void jobRunExitsZeroWhenTheJobCompletes() throws IOException {
        finished("Completed", "");
        CliRun run = CliRun.against(api.port(), List.of("job", "run"), spec());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("Error"), run.err());
        assertTrue(run.out().contains("bacalao job describe j-1"), run.out());
    }

    @Test
    void aFailedJobIsReportedOnStderrAndJobRunStillExitsZeroAsBacalhau() throws IOException {
        finished("Failed", "not enough nodes to run job");
        CliRun run = CliRun.against(api.port(), List.of("job", "run"), spec());
        assertReported(run, "job failed: not enough nodes to run job");
        assertTrue(run.err().contains("Hint: bacalao job describe j-1"), run.err());
        assertTrue(run.out().contains("To get more details about the run, execute:"), "the follow-up commands still show");
    }

    @Test
    void aStoppedJobIsNoError() throws IOException {
        finished("Stopped", "stopped by the user");
        CliRun run = CliRun.against(api.port(), List.of("job", "run"), spec());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("Error"), run.err());
    }

    @Test
    void idOnlyWithWaitingStillReportsTheFailure() throws IOException {
        finished("Failed", "boom");
        CliRun run = CliRun.against(api.port(), List.of("job", "run"), "--id-only", "--wait", spec());
        assertReported(run, "job failed: boom");
        assertEquals("j-1\n", run.out());
    }

    @Test
    void dockerAndWasmRunReportAFailedJob() {
        finished("Failed", "exit code 3");
        assertReported(CliRun.against(api.port(), List.of("docker", "run"), "busybox", "false"), "job failed: exit code 3");
        assertReported(CliRun.against(api.port(), List.of("wasm", "run"), "https://example.org/m.wasm"), "job failed: exit code 3");
    }

    @Test
    void notWaitingNeverLooksAtTheOutcome() throws IOException {
        finished("Failed", "boom");
        CliRun run = CliRun.against(api.port(), List.of("job", "run"), "--wait=false", spec());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("j-1\n", run.out());
    }

    private void finished(String state, String message) {
        api.json("PUT", "/api/v1/orchestrator/jobs", "{\"JobID\":\"j-1\",\"EvaluationID\":\"e-1\",\"Warnings\":[]}");
        api.json("GET", "/api/v1/orchestrator/jobs/j-1/history", "{\"Items\":[],\"NextToken\":\"\"}");
        api.json("GET", "/api/v1/orchestrator/jobs/j-1", JOB.formatted(state, message));
    }

    private static String spec() throws IOException {
        return Files.writeString(Files.createDirectories(tmp).resolve("run.yaml"), SPEC).toString();
    }

    /** Exit code 1 and an {@code Error: } line with {@code message} (after progress lines such as job get's). */
    /** The job's failure on stderr as {@code Error: …}, and exit code 0 (Bacalhau's {@code job run}). */
    private static void assertReported(CliRun run, String message) {
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("Error: ") && l.contains(message)),
                "expected <Error: …" + message + "> in:\n" + run.err());
    }

    private static void assertFailure(CliRun run, String message) {
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("Error: ") && l.contains(message)),
                "expected <Error: …" + message + "> in:\n" + run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "no stack trace: " + run.err());
    }
}
