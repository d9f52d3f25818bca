package io.bacalao.cli.command.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliRun;
import io.bacalao.cli.FakeOrchestrator;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.LabelSelectorRequirement;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.model.ResourcesConfig;
import io.bacalao.domain.model.ResultPath;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.model.TimeoutConfig;
import io.bacalao.domain.spec.JobReader;
import io.bacalao.domain.spec.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code docker run} builds its job from flags; --dry-run shows it without a server, as a spec job run accepts. */
class DockerRunCommandTest {

    private static Job dryRun(String... args) {
        List<String> all = new ArrayList<>(List.of("docker", "run", "--dry-run"));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return JobReader.readFile(run.out());
    }

    @Test
    void minimalJobIsABatchJobOfOneDockerTask() {
        Job job = dryRun("ubuntu", "echo", "hello");
        assertEquals("batch", job.type());
        assertEquals("default", job.namespace());
        assertEquals(1, job.count());
        assertEquals("", job.name());
        Task task = job.task();
        assertEquals("main", task.name());
        assertEquals("{\"Type\":\"docker\",\"Params\":{\"Image\":\"ubuntu\",\"Parameters\":[\"echo\",\"hello\"]}}",
                Json.write(task.engine()));
        assertTrue(task.publisher().isEmpty());
        assertEquals(NetworkType.Default, task.network().type());
        assertEquals(TimeoutConfig.NONE, task.timeouts());
    }

    @Test
    void everythingAfterTheImageIsTheCommandUntouched() {
        Job job = dryRun("--wait=false", "busybox", "sh", "-c", "echo --dry-run -e X=1", "--count", "3");
        assertEquals(List.of("sh", "-c", "echo --dry-run -e X=1", "--count", "3"),
                job.task().engine().listParam("Parameters"));
        assertEquals(1, job.count());
        assertTrue(job.task().env().isEmpty());
    }

    @Test
    void doubleDashBeforeOrAfterTheImageIsDropped() {
        assertEquals(List.of("ls", "-l"), dryRun("busybox", "--", "ls", "-l").task().engine().listParam("Parameters"));
        assertEquals(List.of("ls", "-l"), dryRun("--", "busybox", "ls", "-l").task().engine().listParam("Parameters"));
        assertEquals(List.of("echo", "--", "x"), dryRun("busybox", "echo", "--", "x").task().engine().listParam("Parameters"));
    }

    @Test
    void jobAndTaskFlagsFillTheSpec() {
        Job job = dryRun("--name", "nightly", "--namespace", "team-a", "--priority", "5", "-l", "env=prod,tier=1",
                "--labels", "owner=me", "--count", "2", "--constraints", "region in (eu,us),gpu", "--task-name", "render",
                "-e", "GREETING=hi,there", "--env", "MODE=fast",
                "-i", "ipfs://QmCid:/data", "-i", "src=s3://b/k,dst=/s3,opt=region=eu-west-1",
                "-o", "outputs:/outputs", "-p", "local", "--cpu", "2", "--memory", "1Gb", "--disk", "10Gb", "--gpu", "1",
                "--network", "http", "--domain", "example.com", "--domain", ".pypi.org",
                "--timeout", "600", "--queue-timeout", "60", "-w", "/work", "--entrypoint", "/bin/sh,-c",
                "python:3.12", "python run.py");
        assertEquals("nightly", job.name());
        assertEquals("team-a", job.namespace());
        assertEquals(5, job.priority());
        assertEquals(2, job.count());
        assertEquals(Map.of("env", "prod", "tier", "1", "owner", "me"), job.labels());
        assertEquals(List.of(new LabelSelectorRequirement("region", "in", List.of("eu", "us")),
                new LabelSelectorRequirement("gpu", "exists", List.of())), job.constraints());
        Task t = job.task();
        assertEquals("render", t.name());
        assertEquals(Map.of("GREETING", "hi,there", "MODE", "fast"), t.env());
        assertEquals(List.of(
                new InputSource(io.bacalao.domain.model.SpecConfig.of("ipfs", Map.of("CID", "QmCid")), "ipfs://QmCid", "/data"),
                new InputSource(io.bacalao.domain.model.SpecConfig.of("s3", Map.of("Bucket", "b", "Key", "k", "Region", "eu-west-1")),
                        "s3://b/k", "/s3")), t.inputSources());
        assertEquals(List.of(new ResultPath("outputs", "/outputs")), t.resultPaths());
        assertEquals("local", t.publisher().type());
        assertEquals(new ResourcesConfig("2", "1Gb", "10Gb", "1"), t.resources());
        assertEquals(NetworkType.HTTP, t.network().type());
        assertEquals(List.of("example.com", ".pypi.org"), t.network().domains());
        assertEquals(new TimeoutConfig(0, 60, 600), t.timeouts());
        assertEquals("{\"Type\":\"docker\",\"Params\":{\"Image\":\"python:3.12\",\"Entrypoint\":[\"/bin/sh\",\"-c\"],"
                + "\"Parameters\":[\"python run.py\"],\"WorkingDirectory\":\"/work\"}}", Json.write(t.engine()));
    }

    @Test
    void targetAllMakesAnOpsJob() {
        assertEquals("ops", dryRun("--target", "all", "busybox", "uptime").type());
    }

    @Test
    void outputsWithoutPublisherAreLeftToTheServersDefaultPublisher() {
        Job job = dryRun("-o", "outputs:/outputs", "busybox");
        assertTrue(job.task().publisher().isEmpty());
    }

    @Test
    void dryRunPrintsYamlWithoutServerOwnedKeys() {
        CliRun run = CliRun.of("docker", "run", "--dry-run", "busybox", "echo", "hi");
        assertTrue(run.out().contains("Type: batch"), run.out());
        assertTrue(run.out().contains("Image: busybox"), run.out());
        for (String key : List.of("ID:", "State:", "Version:", "Revision:", "CreateTime:", "ModifyTime:")) {
            assertTrue(run.out().lines().noneMatch(l -> l.startsWith(key)), key + " in\n" + run.out());
        }
    }

    @Test
    void badFlagValuesAreErrorsNamingTheValue() {
        assertError("Error: missing IMAGE", "docker", "run", "--dry-run");
        assertError("Error: invalid input \"nowhere\": missing scheme", "docker", "run", "-i", "nowhere", "busybox");
        assertError("Error: invalid output \"outputs\": missing path", "docker", "run", "-o", "outputs", "busybox");
        assertError("Error: invalid publisher \"ftp\": unknown publisher type: ftp", "docker", "run", "-p", "ftp", "busybox");
        assertError("Error: invalid env \"NOVALUE\": expected NAME=VALUE", "docker", "run", "-e", "NOVALUE", "busybox");
        assertError("Error: invalid label \"solo\": expected NAME=VALUE", "docker", "run", "-l", "solo", "busybox");
        assertError("Error: invalid target \"some\": expected any or all", "docker", "run", "--target", "some", "busybox");
        assertError("Error: invalid network \"wifi\"", "docker", "run", "--network", "wifi", "busybox");
        assertError("Error: invalid constraints \"a in (\"", "docker", "run", "--constraints", "a in (", "busybox");
        assertError("Error: invalid selector \"a in (\"", "docker", "run", "-s", "a in (", "busybox");
        assertError("'--concurrency'", "docker", "run", "--concurrency", "many", "busybox");
    }

    @Test
    void bacalhausDeprecatedConcurrencyAndSelectorWinOverCountAndConstraintsWithCobrasWarning() {
        CliRun run = CliRun.of("docker", "run", "--dry-run", "--count", "2", "--concurrency", "3",
                "--constraints", "region=eu", "-s", "gpu", "busybox");
        assertEquals(0, run.exitCode(), run.err());
        Job job = JobReader.readFile(run.out());
        assertEquals(3, job.count());
        assertEquals(List.of(new LabelSelectorRequirement("gpu", "exists", List.of())), job.constraints());
        assertTrue(run.err().contains("Flag --concurrency has been deprecated, use --count\n"), run.err());
        assertTrue(run.err().contains("Flag --selector has been deprecated, use --constraints\n"), run.err());
        assertEquals(2, dryRun("--count", "2", "busybox").count(), "without --concurrency, --count counts");
    }

    @Test
    void serverRulesAreCheckedBeforeSubmitting() {
        assertError("Error: task main validation failed: invalid env: name 'lower' must be upper-case",
                "docker", "run", "-e", "lower=x", "busybox");
        assertError("invalid network: domains can only be set for HTTP network mode",
                "docker", "run", "--domain", "example.com", "busybox");
        assertError("input source with target '/inputs' already exists",
                "docker", "run", "-i", "ipfs://QmA", "-i", "ipfs://QmB", "busybox");
        assertError("invalid resources", "docker", "run", "--cpu", "lots", "busybox");
        assertError("ops jobs cannot specify count > 1", "docker", "run", "--target", "all", "--count", "2", "busybox");
    }

    @Test
    void waitFalseSubmitsAndPrintsTheJobId() throws Exception {
        try (FakeOrchestrator api = new FakeOrchestrator()) {
            api.json("PUT", "/api/v1/orchestrator/jobs",
                    "{\"JobID\":\"j-123\",\"EvaluationID\":\"e-1\",\"Warnings\":[\"something to know\"]}");
            CliRun run = CliRun.against(api.port(), List.of("docker", "run"), "--wait=false", "-e", "A=1", "busybox", "echo", "hi");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("j-123\n", run.out());
            assertTrue(run.err().contains("Warning: something to know"), run.err());
            Job sent = JobReader.readRequest(Json.mapper().readTree(api.bodies.get(0)).get("Job"));
            assertEquals(List.of("echo", "hi"), sent.task().engine().listParam("Parameters"));
            assertEquals(Map.of("A", "1"), sent.task().env());
        }
    }

    @Test
    void followSubmitsThenHandsOverToTheLogFollower() throws Exception {
        try (FakeOrchestrator api = new FakeOrchestrator()) {
            api.json("PUT", "/api/v1/orchestrator/jobs", "{\"JobID\":\"j-9\",\"EvaluationID\":\"e-1\",\"Warnings\":[]}");
            CliRun run = CliRun.against(api.port(), List.of("docker", "run"), "-f", "busybox", "echo", "hi");
            assertTrue(run.out().startsWith("Job successfully submitted. Job ID: j-9\n"
                    + "Waiting for logs... (Enter Ctrl+C to exit at any time, your job will continue running):"), run.out());
            assertEquals(1, run.exitCode(), "the fake server knows no job route, so following fails");
            assertTrue(run.err().startsWith("Error: "), run.err());
        }
    }

    private static void assertError(String expected, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains(expected), "expected <" + expected + "> in:\n" + run.err());
    }
}
