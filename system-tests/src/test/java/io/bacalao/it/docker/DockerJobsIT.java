package io.bacalao.it.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.it.support.Api;
import io.bacalao.it.support.Cli;
import io.bacalao.it.support.DockerPs;
import io.bacalao.it.support.LocalFiles;
import io.bacalao.it.support.SharedCluster;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.TestPorts;
import io.bacalao.it.support.Waits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker jobs end to end, as the seed's hello-world, custom-container and Docker-workload pages run them, with
 * the offline stand-in images (local/busybox = ubuntu:latest, local/python3 = python:3.10-slim).
 */
@ExtendWith(SharedCluster.class)
class DockerJobsIT {
    static final Duration DONE = Duration.ofSeconds(120);
    static final String BUSYBOX = "local/busybox:latest";

    @TempDir
    Path tmp;

    @Test
    void theSeedsPythonHelloWorldRunsFromAUrlAndItsOutputIsDownloaded(TestCluster cluster) throws Exception {
        try (LocalFiles web = new LocalFiles(Map.of("/hello-world.py", "print(\"Hello, world!\")\n"))) {
            Cli.Result run = cluster.cli().run("docker", "run", "--id-only", "--wait", "--input", web.url("/hello-world.py"),
                    "python:3.10-slim", "--", "python3", "/inputs/hello-world.py");
            assertEquals(0, run.exitCode(), run.all());
            String id = run.out().trim();
            assertEquals("Completed", cluster.api().state(id));
            assertTrue(cluster.cli().run("job", "describe", id).out().contains("Hello, world!"));
            Cli.Result get = cluster.cli().run("job", "get", id, "--output-dir", tmp.resolve("results").toString());
            assertEquals(0, get.exitCode(), get.all());
            assertEquals("Hello, world!\n", Files.readString(tmp.resolve("results").resolve("stdout")));
            assertEquals("0", Files.readString(tmp.resolve("results").resolve("exitCode")));
        }
    }

    @Test
    void aCustomEntrypointWorkdirAndEnvAreUsed(TestCluster cluster) {
        String id = runToEnd(cluster, "--entrypoint", "/bin/sh", "-w", "/tmp", "-e", "GREETING=hola", BUSYBOX,
                "--", "-c", "echo $GREETING from $(pwd) as $BACALHAU_JOB_TYPE");
        assertTrue(stdout(cluster, id).contains("hola from /tmp as batch"), stdout(cluster, id));
    }

    @Test
    void anOutputFolderIsPublishedAndDownloadedWithJobGet(TestCluster cluster) throws Exception {
        String id = runToEnd(cluster, "-p", "local", "-o", "outputs:/outputs", BUSYBOX, "--",
                "sh", "-c", "echo 42 > /outputs/answer.txt; echo done");
        Path out = tmp.resolve("job");
        assertEquals(0, cluster.cli().run("job", "get", id, "--output-dir", out.toString()).exitCode());
        assertEquals("42\n", Files.readString(out.resolve("outputs").resolve("answer.txt")));
        assertEquals("done\n", Files.readString(out.resolve("stdout")));
    }

    @Test
    void aNonZeroExitCodeIsACompletedJobWithThatCode(TestCluster cluster) throws Exception {
        String id = runToEnd(cluster, BUSYBOX, "--", "sh", "-c", "echo failing >&2; exit 7");
        assertEquals("Completed", cluster.api().state(id));
        Path out = tmp.resolve("exit");
        cluster.cli().run("job", "get", id, "--output-dir", out.toString());
        assertEquals("7", Files.readString(out.resolve("exitCode")));
        assertEquals("failing\n", Files.readString(out.resolve("stderr")));
    }

    @Test
    void threePartitionsRunOnDistinctNodesAndTheirResultsMerge(TestCluster cluster) throws Exception {
        String id = runToEnd(cluster, "--count", "3", "-p", "local", BUSYBOX, "--",
                "sh", "-c", "echo part $BACALHAU_PARTITION_INDEX of $BACALHAU_PARTITION_COUNT");
        Path out = tmp.resolve("merged");
        Cli.Result get = cluster.cli().run("job", "get", id, "--output-dir", out.toString());
        assertEquals(0, get.exitCode(), get.all());
        String merged = Files.readString(out.resolve("stdout"));
        for (int p = 0; p < 3; p++) assertTrue(merged.contains("part " + p + " of 3"), merged);
        var nodes = new java.util.HashSet<String>();
        cluster.api().get("/api/v1/orchestrator/jobs/" + id + "/executions").json().get("Items")
                .forEach(e -> nodes.add(e.get("NodeID").asText()));
        assertEquals(3, nodes.size(), "one partition per node");
    }

    @Test
    void aTimeoutKillsALongSleep(TestCluster cluster) {
        long start = System.nanoTime();
        String id = submit(cluster, "--timeout", "5", BUSYBOX, "--", "sleep", "120");
        assertEquals("Failed", cluster.api().awaitTerminal(id, DONE));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(60).toNanos(), "killed, not waited out");
        assertTrue(cluster.api().job(id).get("State").get("Message").asText().startsWith("Job timed out"),
                cluster.api().job(id).toString());
        Waits.until("the container to be removed", Duration.ofSeconds(30),
                () -> DockerPs.withLabel("bacalao.job=" + id).isEmpty());
    }

    @Test
    void stoppingARunningJobStopsItsContainer(TestCluster cluster) {
        String id = submit(cluster, BUSYBOX, "--", "sleep", "120");
        Waits.until("the container to run", DONE, () -> !DockerPs.withLabel("bacalao.job=" + id).isEmpty());
        Cli.Result stop = cluster.cli().run("job", "stop", id);
        assertEquals(0, stop.exitCode(), stop.all());
        assertEquals("Stopped", cluster.api().state(id));
        Waits.until("the container to be gone", Duration.ofSeconds(30), () -> DockerPs.withLabel("bacalao.job=" + id).isEmpty());
    }

    @Test
    void logsAreFollowedWhileTheContainerRuns(TestCluster cluster) throws Exception {
        String id = submit(cluster, BUSYBOX, "--", "sh", "-c", "for i in 1 2 3 4 5 6; do echo tick $i; sleep 1; done");
        TimedWriter lines = new TimedWriter();
        Cli.Result follow = Cli.runInto(lines.writer(), "--api-port", String.valueOf(cluster.apiPort()),
                "--api-host", "127.0.0.1", "job", "logs", "-f", id);
        assertEquals(0, follow.exitCode(), follow.err());
        assertEquals("tick 1\ntick 2\ntick 3\ntick 4\ntick 5\ntick 6\n", lines.text());
        assertTrue(lines.spreadMillis() >= 3000, "lines arrived as they were printed, over " + lines.spreadMillis() + " ms");
        assertEquals("Completed", cluster.api().awaitTerminal(id, DONE));
        Cli.Result after = cluster.cli().run("job", "logs", id);
        assertEquals(lines.text(), after.out(), "the complete log is still there after the end");
    }

    @Test
    void bridgePortMappingsArePublishedOnTheHostWithTheirPortsInTheEnvironment(TestCluster cluster) throws Exception {
        int web = TestPorts.freeBlock(1);
        String id = cluster.api().submit(portJob("{\"Name\":\"web\",\"Static\":" + web
                + ",\"Target\":8080,\"HostNetwork\":\"127.0.0.1\"},{\"Name\":\"extra\"}",
                "echo web $BACALHAU_HOST_PORT_web $BACALHAU_PORT_web extra $BACALHAU_HOST_PORT_extra $BACALHAU_PORT_extra"
                        + " | nc -l -p $BACALHAU_PORT_web"));

        var answered = new java.util.concurrent.atomic.AtomicReference<String>();
        Waits.until("the job's listener to answer on 127.0.0.1:" + web, DONE, () -> {
            answered.set(firstLine(web));
            return answered.get() != null;
        });
        String answer = answered.get();

        String[] words = answer.split(" ");
        assertEquals(List.of("web", String.valueOf(web), "8080", "extra"), List.of(words).subList(0, 4), answer);
        int extra = Integer.parseInt(words[4]);
        assertTrue(extra >= 20000 && extra <= 32000, "from Compute.Network.PortRange*: " + answer);
        assertEquals(words[4], words[5], "a Bridge mapping without Target listens on its host port: " + answer);
        assertEquals("Completed", cluster.api().awaitTerminal(id, DONE), () -> describe(cluster, id));
        Waits.until("the static port to be free again", Duration.ofSeconds(30), () -> isFree(web));
    }

    @Test
    void aJobWhoseStaticPortIsTakenIsRefusedWhenBidding(TestCluster cluster) throws Exception {
        try (ServerSocket held = new ServerSocket(TestPorts.freeBlock(1))) {
            String id = cluster.api().submit(portJob("{\"Name\":\"web\",\"Static\":" + held.getLocalPort() + "}", "true"));

            assertEquals("Failed", cluster.api().awaitTerminal(id, DONE));
            assertTrue(describe(cluster, id).contains("rejected bid: this node does not have the ports the job maps:"
                    + " static port " + held.getLocalPort() + " (web) is in use"), describe(cluster, id));
        }
    }

    @Test
    void aBadPortMappingIsRefusedAtSubmission(TestCluster cluster) {
        Api.Response r = cluster.api().put("/api/v1/orchestrator/jobs", "{\"Job\":" + portJob("{\"Name\":\"web\",\"Static\":80}", "true")
                .replace("Bridge", "None") + "}");

        assertEquals(400, r.status(), r.body());
        assertTrue(r.body().contains("invalid network: ports can only be set for Host or Bridge network modes"), r.body());
    }

    @Test
    void anHttpNetworkReachesItsDomainsOnlyThroughTheNodesProxy(TestCluster cluster) throws Exception {
        try (LocalFiles web = new LocalFiles(Map.of("/data.txt", "allowed data\n"))) {
            String allowed = runToEnd(cluster, "--network", "http", "--domain", "127.0.0.1", BUSYBOX, "--", "sh", "-c",
                    "wget -q -O- " + web.url("/data.txt"));
            assertEquals("allowed data\n", stdout(cluster, allowed));

            String other = runToEnd(cluster, "--network", "http", "--domain", ".example.com", BUSYBOX, "--", "sh", "-c",
                    "wget -q -O- " + web.url("/data.txt") + " || echo refused");
            assertEquals("refused\n", stdout(cluster, other));
        }
    }

    /** A batch busybox job on a Bridge network with these port mappings, running {@code sh -c script}. */
    private static String portJob(String ports, String script) {
        return """
                {"Type":"batch","Count":1,"Tasks":[{"Name":"main",
                 "Engine":{"Type":"docker","Params":{"Image":"%s","Entrypoint":["sh","-c"],"Parameters":[%s]}},
                 "Network":{"Type":"Bridge","Ports":[%s]},"Timeouts":{"ExecutionTimeout":120}}]}
                """.formatted(BUSYBOX, io.bacalao.domain.spec.Json.write(script), ports);
    }

    /** The first line 127.0.0.1:port answers, or null while nothing listens behind it. */
    private static String firstLine(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            return line == null || line.isBlank() ? null : line;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void badInputsFailWithAReasonTheUserCanActOn(TestCluster cluster) {
        String missing = submit(cluster, "local/no-such-image:1", "--", "true");
        assertEquals("Failed", cluster.api().awaitTerminal(missing, DONE));
        assertTrue(describe(cluster, missing).contains("image local/no-such-image:1 is not on this node and could not be pulled"));

        String notStartable = submit(cluster, "--entrypoint", "/no/such/binary", BUSYBOX);
        assertEquals("Failed", cluster.api().awaitTerminal(notStartable, DONE));
        assertTrue(describe(cluster, notStartable).contains("could not start the container"));

        try (LocalFiles web = new LocalFiles(Map.of())) {
            String gone = submit(cluster, "-i", web.url("/missing.csv"), BUSYBOX, "--", "ls", "/inputs");
            assertEquals("Failed", cluster.api().awaitTerminal(gone, DONE));
            assertTrue(describe(cluster, gone).contains("HTTP 404"), describe(cluster, gone));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        String local = submit(cluster, "-i", "file:///etc", BUSYBOX, "--", "ls", "/inputs");
        assertEquals("Failed", cluster.api().awaitTerminal(local, DONE));
        assertTrue(describe(cluster, local).contains("allow-list"), describe(cluster, local));
    }

    @Test
    void badFlagsAreRefusedBeforeAnythingIsSubmitted(TestCluster cluster) {
        int before = cluster.api().get("/api/v1/orchestrator/jobs").json().get("Items").size();
        assertFails(cluster.cli().run("docker", "run", "-i", "ftp://x/y", BUSYBOX), "invalid input");
        assertFails(cluster.cli().run("docker", "run", "-o", "outputs", BUSYBOX), "invalid output");
        assertFails(cluster.cli().run("docker", "run", "-p", "local", "-o", "out:/a", "-o", "out:/b", BUSYBOX),
                "used more than once");
        assertFails(cluster.cli().run("docker", "run"), "IMAGE");
        assertEquals(before, cluster.api().get("/api/v1/orchestrator/jobs").json().get("Items").size());
    }

    private static void assertFails(Cli.Result r, String message) {
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().startsWith("Error: ") && r.err().contains(message), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    private static String submit(TestCluster cluster, String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "docker";
        full[1] = "run";
        full[2] = "--wait=false";
        System.arraycopy(args, 0, full, 3, args.length);
        Cli.Result r = cluster.cli().run(full);
        assertEquals(0, r.exitCode(), r.all());
        return r.out().trim();
    }

    private static String runToEnd(TestCluster cluster, String... args) {
        String id = submit(cluster, args);
        assertEquals("Completed", cluster.api().awaitTerminal(id, DONE), () -> describe(cluster, id));
        return id;
    }

    private static String stdout(TestCluster cluster, String id) {
        return cluster.api().get("/api/v1/orchestrator/jobs/" + id + "/executions").json().get("Items").get(0)
                .get("RunOutput").get("Stdout").asText();
    }

    private static String describe(TestCluster cluster, String id) {
        return cluster.cli().run("job", "describe", id).out();
    }

    static Api api(TestCluster c) {
        return c.api();
    }
}
