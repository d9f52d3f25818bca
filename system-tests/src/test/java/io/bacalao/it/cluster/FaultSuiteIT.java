package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.DockerPs;
import io.bacalao.it.support.FaultFigures;
import io.bacalao.it.support.Gate;
import io.bacalao.it.support.JobExecutions;
import io.bacalao.it.support.TcpProxy;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import io.bacalao.payara.NodeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults (e) and (f) of the fault suite (docs/testing.md) on one cluster of two compute nodes with the test profile
 * (heartbeat 2 s, DisconnectTimeout 10 s): node 2 reaches the broker only through a {@link TcpProxy} the test cuts
 * (a network partition), and node 1 keeps its executions on a small tmpfs that a job's output fills (a full disk).
 * The duration of each fault is the test's to choose; everything else is waited for.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {
    static final String TOKEN = "fault-suite-token";
    static final String SMALL_DISK = "8m";
    static final String DOCKER_JOB = "{\"Type\":\"batch\",\"Count\":1,%s\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\","
            + "\"Params\":{\"Image\":\"local/busybox:latest\",\"Entrypoint\":[\"sh\",\"-c\"],\"Parameters\":[\"%s\"]}},"
            + "\"ResultPaths\":[{\"Name\":\"outputs\",\"Path\":\"/outputs\"}],\"Network\":{\"Type\":\"None\"}}]}";
    static TestCluster cluster;
    static TcpProxy link;
    static NodeProcess steady;
    static NodeProcess partitioned;
    static Path smallDisk;
    static boolean diskMounted;
    static Path gates;
    static final List<String> jobs = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        smallDisk = Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath()
                .resolve("fault-suite/compute-1/compute/executions");
        // a run that died before its @AfterAll left its tmpfs mounted
        if (Files.readString(Path.of("/proc/mounts")).contains(" " + smallDisk + " ")) run("umount", smallDisk.toString());
        gates = Gate.folder("fault-suite");
        cluster = TestCluster.create("fault-suite", Map.of(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, TOKEN,
                ConfigKeys.ALLOW_LISTED_LOCAL_PATHS, Gate.allowListEntry(gates)));
        Files.createDirectories(smallDisk);
        diskMounted = run("mount", "-t", "tmpfs", "-o", "size=" + SMALL_DISK, "tmpfs", smallDisk.toString()) == 0;
        cluster.nodes().start(1);
        link = TcpProxy.to("127.0.0.1", cluster.base().getInt(ConfigKeys.ORCHESTRATOR_PORT));
        cluster.startCompute(2, Map.of(ConfigKeys.COMPUTE_ORCHESTRATORS, "nats://127.0.0.1:" + link.port()));
        cluster.nodes().awaitReady(TestCluster.READY);
        steady = compute(1);
        partitioned = compute(2);
        for (NodeProcess p : List.of(steady, partitioned)) awaitConnection(p.spec().nodeId(), "CONNECTED");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
        if (link != null) link.close();
        for (String job : jobs) DockerPs.removeWithLabel("bacalao.job=" + job);
        if (diskMounted) run("umount", smallDisk.toString());
    }

    /**
     * (e) Node 2 is cut from the broker for longer than DisconnectTimeout while it runs a job: it is DISCONNECTED, the
     * job's partition runs again on node 1; once the link heals node 2 rejoins, the run it kept going meanwhile is
     * cancelled there (its container gone, never completed), it takes new work, and no partition completed twice.
     */
    @Test
    @Order(1)
    void aNodeCutFromTheBrokerIsDisconnectedItsWorkMovesAndOnRejoiningItsStaleRunIsCancelled() {
        Api api = cluster.api();
        String a = steady.spec().nodeId();
        String b = partitioned.spec().nodeId();
        // node 2's run is still going when the cancel reaches it after the partition: it waits for the gate
        Gate gate = Gate.in(gates);
        String job = api.submit(gate.job(constraint("favour_name", b)));
        jobs.add(job);
        JsonNode first = JobExecutions.awaitRunning(api, job, null);
        assertEquals(b, first.get("NodeID").asText(), "the job favours node 2");
        String stale = first.get("ID").asText();

        long cutAt = System.nanoTime();
        link.cut();
        awaitConnection(b, "DISCONNECTED");
        Duration disconnectedAfter = FaultFigures.since(cutAt);
        JsonNode moved = JobExecutions.awaitRunning(api, job, stale);
        assertEquals(a, moved.get("NodeID").asText(), "the partition runs again on node 1");
        Duration movedAfter = FaultFigures.since(cutAt);

        long healedAt = System.nanoTime();
        link.heal();
        awaitConnection(b, "CONNECTED");
        Duration recovery = FaultFigures.since(healedAt);
        Waits.until("node 2 to cancel its stale run " + stale, Duration.ofSeconds(60),
                () -> executionsOn(2).path("Cancelled").asLong(0) == 1 && executionsOn(2).path("Running").asLong(0) == 0
                        && DockerPs.withLabel("bacalao.execution=" + stale).isEmpty());
        assertTrue(JobExecutions.ended(JobExecutions.find(api, job, stale)), "the stale run is over for the orchestrator");
        gate.open();
        assertEquals("Completed", api.awaitTerminal(job, Duration.ofSeconds(120)));

        String after = submit(api, constraint("name", b), "echo rejoined > /outputs/after");
        assertEquals("Completed", api.awaitTerminal(after, Duration.ofSeconds(120)), "node 2 takes work after rejoining");
        assertEquals(1, executionsOn(2).path("Completed").asLong(0), "runs completed on node 2 (the stale one must not be)");
        FaultFigures.measure("network partition node↔broker", api, List.of(job, after), recovery, "node reconnected")
                .printAndCheck();
        System.out.printf("partition: DISCONNECTED after %.1fs, running on the other node after %.1fs (DisconnectTimeout 10s)%n",
                disconnectedAfter.toMillis() / 1000.0, movedAfter.toMillis() / 1000.0);
    }

    /**
     * (f) A job writes more than node 1's execution disk holds: it fails, saying the node's disk is full (not a hang,
     * not a crash); the node stays connected, frees the failed run's results, and the next job completes there.
     */
    @Test
    @Order(2)
    void aJobThatFillsTheNodesDiskFailsClearlyAndTheNodeWorksOnOnceSpaceReturns() throws IOException {
        assumeTrue(diskMounted, "mounting a tmpfs at " + smallDisk + " needs root (the full disk of fault (f))");
        Api api = cluster.api();
        String a = steady.spec().nodeId();
        long free = Files.getFileStore(smallDisk).getUsableSpace();
        String filler = submit(api, constraint("name", a), "dd if=/dev/zero of=/outputs/fill bs=1M count=64");
        assertEquals("Failed", api.awaitTerminal(filler, Duration.ofSeconds(120)));
        JsonNode run = JobExecutions.of(api, filler).getFirst();
        String message = run.get("ComputeState").get("Message").asText();
        assertTrue(message.startsWith("node " + a + " ran out of disk space (No space left on device)"), message);

        long failedAt = System.nanoTime();
        Waits.until("node 1 to free the failed run's results", Duration.ofSeconds(30),
                () -> usable(smallDisk) >= free - 1024 * 1024);
        assertEquals("CONNECTED", node(a).get("Connection").asText());
        String next = submit(api, constraint("name", a), "echo fine > /outputs/next");
        assertEquals("Completed", api.awaitTerminal(next, Duration.ofSeconds(120)), "a job after space returned");
        FaultFigures.measure("compute disk full", api, List.of(next), FaultFigures.since(failedAt),
                "first job submitted after it completed").printAndCheck();
        System.out.printf("disk full: the filler failed with \"%s\"%n", message);
    }

    private static String submit(Api api, String constraints, String script) {
        String job = api.submit(DOCKER_JOB.formatted(constraints, script));
        jobs.add(job);
        return job;
    }

    private static String constraint(String key, String value) {
        return "\"Constraints\":[{\"Key\":\"" + key + "\",\"Operator\":\"=\",\"Values\":[\"" + value + "\"]}],";
    }

    /** Node {@code i}'s executions by state, by its own account ({@code agent debug} on its API). */
    private static JsonNode executionsOn(int i) {
        return new Api(cluster.nodes().host(), cluster.apiPort() + i).get("/api/v1/agent/debug").json().get("Executions");
    }

    private static NodeProcess compute(int i) {
        return cluster.nodes().nodes().stream().filter(p -> p.spec().dataDir().endsWith("compute-" + i)).findFirst()
                .orElseThrow();
    }

    private static JsonNode node(String id) {
        return cluster.api().get("/api/v1/orchestrator/nodes/" + id).json().path("Node");
    }

    private static void awaitConnection(String id, String state) {
        Waits.until("node " + id + " " + state, Duration.ofSeconds(60), () -> node(id).path("Connection").asText().equals(state));
    }

    private static long usable(Path p) {
        try {
            return Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
