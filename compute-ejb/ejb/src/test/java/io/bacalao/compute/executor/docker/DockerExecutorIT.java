package io.bacalao.compute.executor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.executor.ExecutionOutcome;
import io.bacalao.compute.executor.ExecutionRequest;
import io.bacalao.compute.logs.OutputCapture;
import io.bacalao.compute.storage.Mount;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NetworkConfig;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.model.ResourcesConfig;
import io.bacalao.domain.model.ResultPath;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.model.TimeoutConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker executor against the real engine, with the offline test image {@code local/busybox:latest}
 * (built by system-tests/scripts/build-test-images.sh before the tests).
 */
class DockerExecutorIT {
    static final String IMAGE = "local/busybox:latest";
    static final String NODE = "n-docker-it";
    static DockerEngine engine;
    static DockerExecutor executor;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        engine = DockerEngine.at(System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock"));
        assertTrue(engine.available(), "a Docker engine must answer (the build's prepare step starts one)");
        executor = DockerExecutor.on(engine, NODE);
    }

    @AfterAll
    static void noContainerLeftBehind() {
        assertEquals(0, engine.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerEngine.LABEL_NODE, NODE)).exec().size());
    }

    private Result run(Task task, List<Mount> inputs) throws Exception {
        return run(task, inputs, "e-" + java.util.UUID.randomUUID());
    }

    private Result run(Task task, List<Mount> inputs, String executionId) throws Exception {
        Job job = new Job("j-docker-it", "it", "default", "batch", 0, 1, null, null, null, List.of(task), null, 1, 1, 0, 0);
        Execution e = Execution.create(executionId, job, NODE, "ev", 0,
                DesiredState.of(DesiredStateType.Running, ""), AllocatedResources.of("main", io.bacalao.domain.model.Resources.ZERO), 0)
                .withJob(job);
        Path results = Files.createDirectories(dir.resolve("results"));
        for (ResultPath out : task.resultPaths()) Files.createDirectories(results.resolve(out.name()));
        ExecutionOutcome outcome;
        try (OutputCapture capture = new OutputCapture(results, dir.resolve("logs"))) {
            outcome = executor.run(new ExecutionRequest(e, dir, results, inputs, Map.of("BACALHAU_JOB_ID", job.id()), capture));
        }
        return new Result(outcome.exitCode(), Files.readString(results.resolve("stdout")),
                Files.readString(results.resolve("stderr")), results);
    }

    record Result(int exit, String stdout, String stderr, Path results) {
    }

    static Task busybox(List<String> entrypoint, List<String> params) {
        return Task.of("main", SpecConfig.of("docker", Map.of("Image", IMAGE, "Entrypoint", entrypoint, "Parameters", params)));
    }

    @Test
    void stdoutStderrAndExitCodeAreCapturedSeparately() throws Exception {
        Result r = run(busybox(List.of("sh", "-c"), List.of("echo out; echo err >&2; exit 3")), List.of());
        assertEquals(3, r.exit(), "a non-zero exit is a completed run");
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertTrue(Files.size(dir.resolve("logs").resolve("output.log")) > 0, "interleaved log for streaming");
    }

    @Test
    void theImagesOwnEntrypointAndCmdApplyWhenTheSpecSetsNone() throws Exception {
        Task t = Task.of("main", SpecConfig.of("docker", Map.of("Image", IMAGE, "Parameters", List.of("echo", "hi"))));
        assertEquals("hi\n", run(t, List.of()).stdout());
    }

    @Test
    void envWorkingDirectoryAndInjectedVariablesReachTheProcess() throws Exception {
        Task t = Task.of("main", SpecConfig.of("docker", Map.of("Image", IMAGE, "Entrypoint", List.of("sh", "-c"),
                "Parameters", List.of("pwd; echo $FOO $BACALHAU_JOB_ID"), "EnvironmentVariables", List.of("FOO=bar"),
                "WorkingDirectory", "/tmp")));
        assertEquals("/tmp\nbar j-docker-it\n", run(t, List.of()).stdout());
    }

    @Test
    void inputsAreReadOnlyAndOutputsAreWritten() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("in.txt"), "payload");
        Task t = busybox(List.of("sh", "-c"), List.of("cat /inputs/in.txt > /outputs/copy.txt; touch /inputs/x 2>&1; echo rc=$?"))
                .withResultPaths(List.of(new ResultPath("outputs", "/outputs")));
        Result r = run(t, List.of(new Mount(data, "/inputs", false)));
        assertTrue(r.stdout().contains("Read-only file system") && r.stdout().contains("rc=1"), r.stdout());
        assertEquals("payload", Files.readString(r.results().resolve("outputs").resolve("copy.txt")));
        assertTrue(Files.notExists(data.resolve("x")));
    }

    @Test
    void limitsAndNetworkNoneAreVisibleInside() throws Exception {
        Task t = busybox(List.of("sh", "-c"), List.of("cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes; ls /sys/class/net"))
                .withResources(new ResourcesConfig("0.5", "64Mi", "", ""))
                .withNetwork(new NetworkConfig(NetworkType.None, null, null));
        String out = run(t, List.of()).stdout();
        assertTrue(out.contains("67108864"), "64 MiB memory limit: " + out);
        assertEquals("lo", out.lines().skip(1).reduce("", String::concat).trim(), "only loopback: " + out);
    }

    @Test
    void anExecutionTimeoutKillsTheContainer() {
        Task t = busybox(List.of("sleep"), List.of("60")).withTimeouts(new TimeoutConfig(2, 0, 0));
        long start = System.nanoTime();
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> run(t, List.of()));
        assertTrue(f.getMessage().contains("timed out after 2s"), f.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
    }

    @Test
    void runningOutOfMemoryIsAFailureWithAHint() {
        Task t = busybox(List.of("sh", "-c"), List.of("dd if=/dev/zero bs=100M count=1 | cat > /dev/null; true"))
                .withResources(new ResourcesConfig("", "16Mi", "", ""));
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> run(t, List.of()));
        assertTrue(f.getMessage().contains("ran out of memory"), f.getMessage());
    }

    @Test
    void aMissingImageIsAClearFailure() {
        Task t = Task.of("main", SpecConfig.of("docker", Map.of("Image", "local/does-not-exist:1")));
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> run(t, List.of()));
        assertTrue(f.getMessage().startsWith("image local/does-not-exist:1 is not on this node and could not be pulled"),
                f.getMessage());
    }

    @Test
    void aCommandThatDoesNotExistCannotStart() {
        Task t = busybox(List.of("/no/such/binary"), List.of());
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> run(t, List.of()));
        assertTrue(f.getMessage().startsWith("could not start the container"), f.getMessage());
    }

    @Test
    void cancelStopsARunningContainer() throws Exception {
        Task t = busybox(List.of("sleep"), List.of("60"));
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(t, List.of());
            } catch (Exception e) {
                return e;
            }
        });
        String execution = null;
        for (int i = 0; i < 100 && execution == null; i++) {
            var left = engine.client().listContainersCmd().withLabelFilter(Map.of(DockerEngine.LABEL_NODE, NODE)).exec();
            if (!left.isEmpty()) execution = left.get(0).getLabels().get(DockerEngine.LABEL_EXECUTION);
            Thread.sleep(100);
        }
        executor.cancel(execution);
        Object outcome = running.get(30, TimeUnit.SECONDS);
        assertTrue(outcome instanceof ExecutionFailure f && f.getMessage().contains("cancelled"), String.valueOf(outcome));
    }

    @Test
    void aCancelThatCameBeforeTheRunStopsItBeforeAnyContainerStarts() {
        String execution = "e-" + java.util.UUID.randomUUID();
        executor.cancel(execution);
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> run(busybox(List.of("sleep"), List.of("60")), List.of(), execution));
        assertEquals("execution cancelled", f.getMessage());
    }

    @Test
    void requestingAGpuOnANodeWithoutGpuRuntimeSaysSo() {
        Task t = busybox(List.of("true"), List.of()).withResources(new ResourcesConfig("", "", "", "1"));
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> run(t, List.of()));
        assertTrue(f.getMessage().contains("this node has no GPU runtime"), f.getMessage());
    }
}
