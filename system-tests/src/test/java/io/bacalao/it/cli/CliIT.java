package io.bacalao.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.it.support.Api;
import io.bacalao.it.support.Cli;
import io.bacalao.it.support.SharedCluster;
import io.bacalao.it.support.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bacalao} commands of the walking skeleton against a real cluster, with Bacalhau's output. */
@ExtendWith(SharedCluster.class)
class CliIT {
    static final Pattern SUBMITTED = Pattern.compile("Job successfully submitted\\. Job ID: (j-[0-9a-f-]{36})");

    @TempDir
    Path tmp;

    private Path spec(String yaml) throws IOException {
        Path f = tmp.resolve(UUID.randomUUID() + ".yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static String hello(String name) {
        return "Name: " + name + "\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n";
    }

    @Test
    void jobRunPrintsProgressLikeBacalhauAndEndsCompleted(TestCluster cluster) throws IOException {
        Cli.Result r = cluster.cli().run("job", "run", spec(hello("cli-" + UUID.randomUUID())).toString());
        assertEquals(0, r.exitCode(), r.all());
        Matcher m = SUBMITTED.matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(r.out().contains("Checking job status... (Enter Ctrl+C to exit at any time, your job will continue running):"));
        assertTrue(r.out().matches("(?s).*TIME\\s+EXEC\\. ID\\s+TOPIC\\s+EVENT.*"), r.out());
        assertTrue(r.out().contains("Job submitted"), r.out());
        assertTrue(r.out().matches("(?s).*e-[0-9a-f]{8}\\s+Scheduling\\s+Requested execution on n-[0-9a-f]{8}.*"), r.out());
        assertTrue(r.out().contains("Completed successfully"), r.out());
        assertTrue(r.out().contains("bacalao job describe " + m.group(1)), r.out());
        assertEquals("Completed", cluster.api().state(m.group(1)));
    }

    @Test
    void aJobThatFailsIsReportedAndJobRunExitsZeroAsBacalhau(TestCluster cluster) throws IOException {
        String yaml = "Type: batch\nTasks:\n  - Name: main\n    Engine:\n      Type: vroomvroom\n";
        Cli.Result r = cluster.cli().run("job", "run", spec(yaml).toString());
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.err().startsWith("Error: job failed: ") && r.err().contains("does not support vroomvroom"), r.err());
        assertTrue(r.out().contains("To get more details about the run, execute:"), r.out());
        Cli.Result idOnly = cluster.cli().run("job", "run", "--id-only", spec(yaml).toString());
        assertEquals(0, idOnly.exitCode(), idOnly.all());
        assertTrue(idOnly.err().startsWith("Error: job failed: "), idOnly.err());
        assertEquals("Failed", cluster.api().state(idOnly.out().trim()));
    }

    @Test
    void anS3ManagedJobIsRefusedByAnOrchestratorWithoutAManagedBucket(TestCluster cluster) throws IOException {
        String yaml = hello("s3managed-" + UUID.randomUUID()) + "    Publisher:\n      Type: s3managed\n";
        assertFails(cluster.cli().run("job", "run", "--id-only", spec(yaml).toString()), "the s3managed publisher is"
                + " not available: this orchestrator has no s3managed bucket: set Publishers.Types.S3Managed.Bucket");
    }

    @Test
    void queryCommandsShowTheJob(TestCluster cluster) throws IOException {
        String name = "query-" + UUID.randomUUID().toString().substring(0, 8);
        Cli cli = cluster.cli();
        Cli.Result run = cli.run("job", "run", "--id-only", spec(hello(name)).toString());
        assertEquals(0, run.exitCode(), run.all());
        String id = run.out().trim();
        assertTrue(id.matches("j-[0-9a-f-]{36}"), run.out());

        Cli.Result list = cli.run("job", "list", "--limit", "1000");
        assertTrue(list.out().matches("(?s)\\s*CREATED\\s+ID\\s+NAME\\s+JOB\\s+TYPE\\s+STATE.*"), list.out());
        assertTrue(list.out().contains(id.substring(0, 10)) && list.out().contains(name), list.out());

        Cli.Result describe = cli.run("job", "describe", name);
        assertEquals(0, describe.exitCode(), describe.all());
        assertTrue(describe.out().matches("(?s)ID\\s+= " + id + ".*State\\s+= Completed.*"), describe.out());
        assertTrue(describe.out().contains("Executions") && describe.out().contains("Job History"), describe.out());

        Cli.Result history = cli.run("job", "history", id.substring(0, 10));
        assertTrue(history.out().contains("Completed successfully") && history.out().contains("ExecutionLevel"), history.out());

        Cli.Result executions = cli.run("job", "executions", id, "--output", "json");
        assertTrue(executions.out().contains("\"ComputeState\":{\"StateType\":9"), executions.out());

        Cli.Result yaml = cli.run("job", "describe", id, "--output", "yaml");
        assertTrue(yaml.out().contains("StateType: Completed"), yaml.out());
    }

    @Test
    void aTemplatedJobRerunKeepsEachVersionDescribable(TestCluster cluster) throws IOException {
        String name = "tmpl-" + UUID.randomUUID().toString().substring(0, 8);
        Cli cli = cluster.cli();
        Path template = spec("Name: {{.name}}\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n      Type: {{ .engine }}\n");
        Cli.Result run = cli.run("job", "run", "--id-only", "-V", "name=" + name, "-V", "engine=noop", template.toString());
        assertEquals(0, run.exitCode(), run.all());
        String id = run.out().trim();
        assertFails(cli.run("job", "run", template.toString()), "map has no entry for key \"name\"");

        Cli.Result rerun = cli.run("job", "rerun", name, "--group-events");
        assertEquals(0, rerun.exitCode(), rerun.all());
        assertTrue(rerun.out().contains("Job successfully submitted. Job ID: " + id), rerun.out());
        assertTrue(cli.run("job", "describe", name, "-v", "1").out().matches("(?s).*Version\\s+= 1\n.*"));
        assertTrue(cli.run("job", "describe", name).out().matches("(?s).*Version\\s+= 2\n.*"));
        assertFails(cli.run("job", "describe", name, "-v", "9"), "job version 9 not found for job " + id);
    }

    @Test
    void stoppingAFinishedJobIsAnError(TestCluster cluster) throws IOException {
        Cli cli = cluster.cli();
        String id = cli.run("job", "run", "--id-only", spec(hello("stop-" + UUID.randomUUID())).toString()).out().trim();
        Cli.Result stop = cli.run("job", "stop", id);
        assertEquals(1, stop.exitCode());
        assertTrue(stop.err().contains("Error: Job is already in a terminal state.\nThe current state is: Completed"), stop.err());
    }

    @Test
    void stoppingAQueuedJobSucceeds(TestCluster cluster) throws IOException {
        String yaml = "Type: batch\nConstraints:\n  - Key: zone\n    Operator: '='\n    Values: [nowhere]\n"
                + "Tasks:\n  - Name: main\n    Engine:\n      Type: noop\n    Timeouts:\n      QueueTimeout: 600\n";
        Cli cli = cluster.cli();
        String id = cli.run("job", "run", "--wait=false", spec(yaml).toString()).out().trim();
        cluster.api().awaitState(id, "Queued"::equals, java.time.Duration.ofSeconds(30));
        Cli.Result stop = cli.run("job", "stop", id);
        assertEquals(0, stop.exitCode(), stop.all());
        assertTrue(stop.out().contains("Job stop successfully submitted with evaluation ID: "), stop.out());
        assertEquals("Stopped", cluster.api().state(id));
    }

    @Test
    void nodeAndAgentCommands(TestCluster cluster) {
        Cli cli = cluster.cli();
        Cli.Result nodes = cli.run("node", "list", "--show", "capacity");
        assertEquals(0, nodes.exitCode(), nodes.all());
        assertTrue(nodes.out().matches("(?s)\\s*ID\\s+TYPE\\s+APPROVAL\\s+STATUS\\s+CPU\\s+MEMORY\\s+DISK\\s+GPU.*"), nodes.out());
        assertEquals(3, nodes.out().lines().filter(l -> l.contains("Compute") && l.contains("APPROVED")
                && l.contains("CONNECTED")).count(), nodes.out());
        assertEquals("Status: OK", cli.run("agent", "alive").out().trim());
        assertTrue(cli.run("agent", "version").out().startsWith("Bacalhau v1.9.3"));
        assertTrue(cli.run("agent", "node").out().contains("NodeType: Requester"));
        assertTrue(cli.run("agent", "config").out().contains("Orchestrator:"));
        assertTrue(cli.run("version").out().contains("v1.9.3"));
    }

    @Test
    void badSpecsFailWithAnErrorAndExitCodeOne(TestCluster cluster) throws IOException {
        Cli cli = cluster.cli();
        assertFails(cli.run("job", "run", spec("Type: batch\nTasks: [unclosed\n").toString()), "failed to parse job spec");
        assertFails(cli.run("job", "run", spec("Type: batch\nFoo: 1\n").toString()), "unknown field: 'Foo' in 'Job'");
        assertFails(cli.run("job", "run", spec("ID: j-1\nType: batch\n").toString()), "field: 'ID' in 'Job' is not allowed");
        assertFails(cli.run("job", "run", spec("Tasks:\n  - Name: main\n    Engine:\n      Type: noop\n").toString()),
                "missing job type");
        assertFails(cli.run("job", "run", tmp.resolve("absent.yaml").toString()), "job spec file not found");
        assertFails(cli.run("job", "describe", "j-00000000"), "job not found");
    }

    @Test
    void dryRunPrintsTheSpecWithoutSubmitting(TestCluster cluster) throws IOException {
        int before = cluster.api().get("/api/v1/orchestrator/jobs").json().get("Items").size();
        Cli.Result r = cluster.cli().run("job", "run", "--dry-run", spec(hello("dry")).toString());
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("Name: dry") && r.out().contains("Type: noop"), r.out());
        assertEquals(before, cluster.api().get("/api/v1/orchestrator/jobs").json().get("Items").size());
    }

    @Test
    void anUnreachableOrchestratorIsNamed() {
        Cli.Result r = Cli.runRaw("--api-host", "127.0.0.1", "--api-port", "1", "job", "list");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("Error: could not connect to the orchestrator at 127.0.0.1:1"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    private static void assertFails(Cli.Result r, String message) {
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().startsWith("Error: ") && r.err().contains(message), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    static String submitNoop(Api api) {
        return api.submit(Api.noopJob());
    }
}
