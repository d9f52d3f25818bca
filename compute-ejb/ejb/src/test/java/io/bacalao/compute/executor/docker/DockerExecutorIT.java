package io.bacalao.compute.executor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
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
        return run(task, inputs, executionId, OutputCapture.DEFAULT_MAX_BYTES);
    }

    private Result run(Task task, List<Mount> inputs, String executionId, long outputCap) throws Exception {
        return run(task, inputs, executionId, outputCap, dir);
    }

    private Result run(Task task, List<Mount> inputs, String executionId, long outputCap, Path dir) throws Exception {
        Job job = new Job("j-docker-it", "it", "default", "batch", 0, 1, null, null, null, List.of(task), null, 1, 1, 0, 0);
        Execution e = Execution.create(executionId, job, NODE, "ev", 0,
                DesiredState.of(DesiredStateType.Running, ""), AllocatedResources.of("main", io.bacalao.domain.model.Resources.ZERO), 0)
                .withJob(job);
        Path results = Files.createDirectories(dir.resolve("results"));
        ExecutionOutcome outcome;
        OutputCapture capture = new OutputCapture(results, dir.resolve("logs"), outputCap);
        try (capture) {
            outcome = executor.run(new ExecutionRequest(e, dir, results, inputs, Map.of("BACALHAU_JOB_ID", job.id()), capture));
        } finally {
            executor.cleanUp(executionId);
        }
        return new Result(outcome.exitCode(), Files.readString(results.resolve("stdout")),
                Files.readString(results.resolve("stderr")), results, capture.stdoutTruncated());
    }

    record Result(int exit, String stdout, String stderr, Path results, boolean stdoutTruncated) {
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
    void anHttpNetworkReachesItsDomainsThroughTheProxyAndNothingElse() throws Exception {
        com.sun.net.httpserver.HttpServer site = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", x -> {
            byte[] body = "from the allowed site".getBytes();
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        site.start();
        String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/";
        String executionId = "e-" + java.util.UUID.randomUUID();
        try {
            Task allowed = busybox(List.of("sh", "-c"), List.of("wget -q -O- " + url + "; echo; wget -q -T 3 -Y off -O- "
                    + "http://1.1.1.1/ || echo direct refused")).withNetwork(new NetworkConfig(NetworkType.HTTP, List.of("127.0.0.1"), null));
            Result r = run(allowed, List.of(), executionId);
            assertEquals("from the allowed site\ndirect refused\n", r.stdout(), r.stderr());

            Task other = busybox(List.of("sh", "-c"), List.of("wget -q -O- " + url + " || echo proxy refused"))
                    .withNetwork(new NetworkConfig(NetworkType.HTTP, List.of(".example.com"), null));
            Result refused = run(other, List.of(), "e-" + java.util.UUID.randomUUID(), OutputCapture.DEFAULT_MAX_BYTES,
                    Files.createDirectories(dir.resolve("other")));
            assertEquals("proxy refused\n", refused.stdout(), refused.stderr());
        } finally {
            site.stop(0);
        }
        assertEquals(0, engine.client().listNetworksCmd().withFilter("label", List.of(DockerEngine.LABEL_NODE + "=" + NODE))
                .exec().size(), "the executions' networks are removed with their containers");
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

    /** Issue 10: a spec that slipped past the orchestrator mounted the host's root read-write at /host. */
    @Test
    void aResultNameThatIsAPathNeverMountsTheHost() throws Exception {
        Path hostTmp = Path.of("/tmp");
        for (String name : List.of("/", "..", "../..", "../../../../../..")) {
            String marker = "bacalao-escape-" + java.util.UUID.randomUUID();
            Task t = busybox(List.of("sh", "-c"), List.of("touch /host/tmp/" + marker + " /host/" + marker))
                    .withResultPaths(List.of(new ResultPath(name, "/host")));
            ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> run(t, List.of()), name);
            assertTrue(f.getMessage().startsWith("refused to mount: result path Name \"" + name + "\""), f.getMessage());
            assertEquals("Preparing Environment", f.topic());
            assertTrue(Files.notExists(hostTmp.resolve(marker)), "the container wrote into the host's /tmp");
            assertTrue(Files.notExists(dir.getParent().resolve(marker)) && Files.notExists(dir.resolve(marker)));
        }
    }

    @Test
    void anInputOutsideTheExecutionFolderThatNoAllowListGrantedIsNeverMounted() {
        String marker = "bacalao-escape-" + java.util.UUID.randomUUID();
        Task t = busybox(List.of("sh", "-c"), List.of("touch /host/tmp/" + marker));
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> run(t, List.of(new Mount(Path.of("/"), "/host", true))));
        assertTrue(f.getMessage().contains("outside the execution's folder and not allow-listed"), f.getMessage());
        assertTrue(Files.notExists(Path.of("/tmp", marker)));
    }

    @Test
    void targetsThatWouldShadowTheContainersRootOrKernelFileSystemsAreRefused() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String target : List.of("/", "/proc", "/sys/fs", "/dev", "relative", "/a/../etc")) {
            ExecutionFailure f = assertThrows(ExecutionFailure.class,
                    () -> run(busybox(List.of("true"), List.of()), List.of(new Mount(data, target, false))), target);
            assertTrue(f.getMessage().startsWith("refused to mount: input Target"), f.getMessage());
        }
    }

    /** Issue 10 item 5, seen by the engine (docker inspect) and from inside the container. */
    @Test
    void containersRunWithoutPrivilegesWithAPidLimitAndFewCapabilities() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Task t = busybox(List.of("sh", "-c"), List.of("grep -E '^(NoNewPrivs|CapEff)' /proc/self/status;"
                + " cat /sys/fs/cgroup/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids/pids.max; sleep 2")).withResultPaths(List.of(new ResultPath("outputs", "/outputs")));
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(t, List.of(new Mount(data, "/inputs", false)));
            } catch (Exception e) {
                return e;
            }
        });
        HostConfig hc = null;
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); hc == null && System.nanoTime() < until; ) {
            var mine = engine.client().listContainersCmd().withLabelFilter(Map.of(DockerEngine.LABEL_NODE, NODE)).exec();
            if (!mine.isEmpty()) hc = engine.client().inspectContainerCmd(mine.get(0).getId()).exec().getHostConfig();
            else Thread.sleep(20);
        }
        assertTrue(hc != null, "the container never appeared");
        assertEquals(Boolean.FALSE, hc.getPrivileged());
        assertEquals(List.of("no-new-privileges:true"), hc.getSecurityOpts());
        assertEquals(1024L, hc.getPidsLimit());
        assertEquals(List.of(Capability.ALL), List.of(hc.getCapDrop()));
        assertEquals(List.of("CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "NET_BIND_SERVICE", "SETGID", "SETUID"),
                java.util.Arrays.stream(hc.getCapAdd()).map(Enum::name).toList());
        assertTrue(hc.getDevices() == null || hc.getDevices().length == 0);
        var mounts = hc.getMounts().stream().collect(java.util.stream.Collectors.toMap(
                com.github.dockerjava.api.model.Mount::getTarget, m -> m));
        assertEquals(java.util.Set.of("/inputs", "/outputs"), mounts.keySet());
        assertEquals(Boolean.TRUE, mounts.get("/inputs").getReadOnly());
        assertEquals(data.toRealPath().toString(), mounts.get("/inputs").getSource());
        assertTrue(!Boolean.TRUE.equals(mounts.get("/outputs").getReadOnly()));
        Object r = running.get(60, TimeUnit.SECONDS);
        String out = r instanceof Result res ? res.stdout() : String.valueOf(r);
        assertTrue(out.contains("NoNewPrivs:\t1"), out);
        assertTrue(out.contains("CapEff:\t00000000000004fb") || out.contains("CapEff:\t4fb"), out);
        assertTrue(out.strip().endsWith("1024"), out);
    }

    @Test
    void hostNetworkingIsRefusedWhereTheNodeRejectsNetworkedJobs() {
        DockerExecutor strict = DockerExecutor.on(engine, NODE, new ContainerSecurity(List.of(), 64, false));
        Task t = busybox(List.of("true"), List.of()).withNetwork(new NetworkConfig(NetworkType.Host, null, null));
        Job job = new Job("j-docker-it", "it", "default", "batch", 0, 1, null, null, null, List.of(t), null, 1, 1, 0, 0);
        Execution e = Execution.create("e-" + java.util.UUID.randomUUID(), job, NODE, "ev", 0,
                DesiredState.of(DesiredStateType.Running, ""), AllocatedResources.of("main", io.bacalao.domain.model.Resources.ZERO), 0)
                .withJob(job);
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> {
            try (OutputCapture capture = new OutputCapture(dir.resolve("results"), dir.resolve("logs"))) {
                strict.run(new ExecutionRequest(e, dir, dir.resolve("results"), List.of(), Map.of(), capture));
            }
        });
        assertTrue(f.getMessage().contains("JobAdmissionControl.RejectNetworkedJobs"), f.getMessage());
    }

    @Test
    void aContainerPrintingMoreThanTheCapKeepsOnlyTheCapOnDisk() throws Exception {
        Task t = busybox(List.of("sh", "-c"), List.of("head -c 200000 /dev/zero | tr '\\0' x; echo done >&2"));
        Result r = run(t, List.of(), "e-" + java.util.UUID.randomUUID(), 1000);
        assertEquals(1000, Files.size(r.results().resolve("stdout")));
        assertTrue(r.stdoutTruncated());
        assertEquals("done\n", r.stderr());
    }

    /** The live log stream can miss the output of a container that exits at once (moby/moby#16463). */
    @Test
    void theWholeOutputOfContainersThatExitAtOnceIsKept() throws Exception {
        Task t = busybox(List.of("sh", "-c"), List.of("head -c 5000 /dev/zero | tr '\\0' x; echo e >&2"));
        for (int i = 0; i < 12; i++) {
            Result r = run(t, List.of(), "e-" + java.util.UUID.randomUUID(), OutputCapture.DEFAULT_MAX_BYTES,
                    Files.createDirectories(dir.resolve("run-" + i)));
            assertEquals(5000, r.stdout().length(), "run " + i);
            assertEquals("e\n", r.stderr(), "run " + i);
        }
    }

    /** The stopped container stays until the runner has reported, then cleanUp removes it. */
    @Test
    void theContainerStaysUntilCleanUpRemovesIt() throws Exception {
        String execution = "e-" + java.util.UUID.randomUUID();
        Job job = new Job("j-docker-it", "it", "default", "batch", 0, 1, null, null, null,
                List.of(busybox(List.of("true"), List.of())), null, 1, 1, 0, 0);
        Execution e = Execution.create(execution, job, NODE, "ev", 0, DesiredState.of(DesiredStateType.Running, ""),
                AllocatedResources.of("main", io.bacalao.domain.model.Resources.ZERO), 0).withJob(job);
        Path results = Files.createDirectories(dir.resolve("results"));
        try (OutputCapture capture = new OutputCapture(results, dir.resolve("logs"), OutputCapture.DEFAULT_MAX_BYTES)) {
            assertEquals(0, executor.run(new ExecutionRequest(e, dir, results, List.of(), Map.of(), capture)).exitCode());
        }
        assertEquals(1, containersOf(execution), "the ended container is still there before cleanUp");
        executor.cleanUp(execution);
        assertEquals(0, containersOf(execution));
        executor.cleanUp(execution);
    }

    private static int containersOf(String execution) {
        return engine.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerEngine.LABEL_EXECUTION, execution)).exec().size();
    }

    /**
     * The node remembers the images it has seen; one removed behind its back is looked for again (and, being a
     * local image, cannot be pulled) rather than failing as a container the engine cannot create.
     */
    @Test
    void anImageRemovedBehindTheNodesBackIsLookedForAgain() throws Exception {
        String tag = "it-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String image = "local/busybox:" + tag;
        engine.client().tagImageCmd(IMAGE, "local/busybox", tag).exec();
        Task t = Task.of("main", SpecConfig.of("docker", Map.of("Image", image, "Entrypoint", List.of("true"))));
        try {
            assertEquals(0, run(t, List.of()).exit());
            assertTrue(engine.knowsImage(image));
        } finally {
            engine.client().removeImageCmd(image).exec();
        }
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> run(t, List.of()));
        assertTrue(f.getMessage().startsWith("image " + image + " is not on this node and could not be pulled"),
                f.getMessage());
        assertFalse(engine.knowsImage(image));
    }

    @Test
    void anExecutionTimeoutKillsTheContainer() {
        Task t = busybox(List.of("sleep"), List.of("60")).withTimeouts(new TimeoutConfig(2, 0, 0));
        long start = System.nanoTime();
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> run(t, List.of()));
        assertTrue(f.getMessage().contains("timed out after 2s"), f.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
    }

    /**
     * The job allocates a second after it starts: on cgroup v1 the engine starts watching a container's memory
     * cgroup for OOM kills only once its process runs, and an OOM kill before that is never reported (seen 4 times
     * in 60 runs of the allocation at the first instant on a loaded machine: {@code OOMKilled} stayed false).
     */
    @Test
    void runningOutOfMemoryIsAFailureWithAHint() {
        Task t = busybox(List.of("sh", "-c"), List.of("sleep 1; dd if=/dev/zero bs=100M count=1 | cat > /dev/null; true"))
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
