package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./bacalao devstack} from the repository with Bacalhau's topology flags, as a user runs it (the default
 * topology is the README's quickstart, {@link NewcomerIT}): one hybrid node instead of the orchestrator, two
 * compute nodes of which one is a bad actor, on random ports read from what it prints; then the CLI against it
 * (node list, a batch job that completes, an ops job that fails on the bad node only, agent), the Web UI's URL,
 * then Ctrl+C, after which no node process is left.
 */
class DevstackScriptIT {
    static final Path REPO = Path.of(System.getProperty("bacalao.repo", "..")).toAbsolutePath().normalize();
    private static final Pattern API = Pattern.compile("The API listens on http://127\\.0\\.0\\.1:(\\d+)\\.");
    private static final Pattern JOB_FAILED = Pattern.compile("\"StateType\"\\s*:\\s*\"Failed\"");
    private static final Pattern UI = Pattern.compile("The Web UI: (http://127\\.0\\.0\\.1:\\d+/)");

    @Test
    void devstackWithAHybridAndABadComputeOnRandomPortsRunsJobsAndStopsCleanlyOnCtrlC() throws Exception {
        Path dir = Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath().resolve("devstack-script");
        Files.createDirectories(dir);
        Path log = dir.resolve("devstack.out");
        List<String> cmd = new ArrayList<>(List.of(REPO.resolve("bacalao").toString(), "--data-dir", dir.toString(),
                "devstack", "--orchestrators", "0", "--hybrids", "1", "--computes", "2", "--bad-computes", "1", "--random-ports"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("BACALAO_SKIP_BUILD", "1");
        Process devstack = pb.start();
        try {
            Waits.until("Devstack ready", Duration.ofMinutes(4), () -> read(log).contains("Devstack ready in"));
            assertTrue(read(log).contains("Starting devstack: 1 hybrid orchestrator and 2 compute node(s), 1 of them bad actors"),
                    read(log));
            List<ProcessHandle> nodes = devstack.descendants().filter(p -> p.info().commandLine().orElse("")
                    .contains("payara-micro.jar")).toList();
            assertEquals(3, nodes.size(), "1 hybrid + 2 compute nodes: " + read(log));
            Matcher api = API.matcher(read(log));
            assertTrue(api.find(), read(log));
            int port = Integer.parseInt(api.group(1));
            assertNotEquals(1234, port, "a random port, not the default");

            String nodeList = bacalao(port, "node", "list");
            assertEquals(3, nodeList.lines().filter(l -> l.contains("APPROVED") && l.contains("CONNECTED")).count(), nodeList);
            Path spec = dir.resolve("hello.yaml");
            Files.writeString(spec, "Name: hello\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n");
            String batch = bacalao(port, "job", "run", spec.toString());
            assertTrue(batch.contains("Completed successfully"), "the good nodes complete it: " + batch);

            // an ops job runs on every node: it fails, and only the bad node's execution failed
            Path ops = dir.resolve("everywhere.yaml");
            Files.writeString(ops, "Name: everywhere\nType: ops\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n");
            String id = bacalao(port, "job", "run", "--wait=false", "--id-only", ops.toString()).trim();
            Waits.until("the ops job to fail", Duration.ofMinutes(2),
                    () -> JOB_FAILED.matcher(bacalao(port, "job", "describe", id, "--output", "json")).find());
            String executions = bacalao(port, "job", "executions", id, "--output", "json");
            assertEquals(1, Pattern.compile("is a bad actor \\(Compute\\.BadActor\\)").matcher(executions).results().count(), executions);
            assertEquals(2, Pattern.compile("\"StateType\"\\s*:\\s*9\\b").matcher(executions).results().count(),
                    "the hybrid's and the good compute node's executions completed: " + executions);
            assertTrue(bacalao(port, "agent", "alive").contains("Status: OK"));

            Matcher ui = UI.matcher(read(log));
            assertTrue(ui.find(), read(log));
            java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(ui.group(1) + "jobs")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("/ui/app.js") && page.headers().firstValue("Content-Security-Policy").isPresent());

            new ProcessBuilder("kill", "-INT", String.valueOf(devstack.pid())).start().waitFor();
            assertTrue(devstack.waitFor(90, TimeUnit.SECONDS), "devstack exits on Ctrl+C");
            Waits.until("all node processes to exit", Duration.ofSeconds(30), () -> nodes.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            devstack.descendants().forEach(ProcessHandle::destroyForcibly);
            devstack.destroyForcibly();
        }
    }

    /**
     * The launcher stops its nodes from a shutdown hook, and a {@code ./bacalao} command in another shell may have
     * rebuilt its jar meanwhile (it builds when a source changed). The devstack here runs from a copy of the jar
     * that is overwritten while it runs, on a first start (its nodes record their class archives at Ctrl+C: the
     * path that first loaded a class then, failed, and left the nodes running). Recording, a node's JVM does not
     * list the classes the archive leaves out (hundreds of lines, on the terminal of {@code serve}).
     */
    @Test
    void ctrlCStopsTheNodesEvenWhenTheLaunchersJarWasRebuiltMeanwhile() throws Exception {
        Path dir = Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath().resolve("devstack-rebuilt-jar");
        Files.createDirectories(dir);
        Path jar = dir.resolve("bacalao-cli.jar");
        Files.copy(REPO.resolve("cli-jar/target/bacalao-cli.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
        Path archives = Files.createTempDirectory(dir, "node-cds");
        Path log = dir.resolve("devstack.out");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dbacalao.runtime=" + REPO.resolve("cli-jar/target/runtime"), "-jar", jar.toString(),
                "--data-dir", dir.toString(), "devstack", "--computes", "1", "--random-ports");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("BACALAO_NODE_CDS_DIR", archives.toString()); // empty: the nodes record at Ctrl+C
        Process devstack = pb.start();
        try {
            Waits.until("Devstack ready", Duration.ofMinutes(4), () -> read(log).contains("Devstack ready in"));
            List<ProcessHandle> nodes = devstack.descendants().filter(p -> p.info().commandLine().orElse("")
                    .contains("payara-micro.jar")).toList();
            assertEquals(2, nodes.size(), read(log));
            Files.write(jar, "rebuilt".getBytes(java.nio.charset.StandardCharsets.UTF_8)); // the same file, new bytes

            new ProcessBuilder("kill", "-INT", String.valueOf(devstack.pid())).start().waitFor();
            assertTrue(devstack.waitFor(240, TimeUnit.SECONDS), "devstack exits on Ctrl+C: " + read(log));
            Waits.until("all node processes to exit", Duration.ofSeconds(30), () -> nodes.stream().noneMatch(ProcessHandle::isAlive));
            assertFalse(read(log).contains("NoClassDefFoundError"), read(log));
            for (String node : List.of("orchestrator", "compute-1")) {
                String nodeLog = read(dir.resolve("devstack").resolve(node).resolve("node.log"));
                assertTrue(nodeLog.contains("Payara Micro") && nodeLog.contains("ready in"), node + "'s log: " + nodeLog);
                assertFalse(nodeLog.contains("[warning][cds]"), node + " listed the classes its archive left out: "
                        + nodeLog.lines().filter(l -> l.contains("[cds]")).limit(5).toList());
            }
            try (var recorded = Files.list(archives)) {
                List<String> names = recorded.map(p -> p.getFileName().toString()).toList();
                for (String role : List.of("orchestrator-", "compute-")) {
                    assertTrue(names.stream().anyMatch(n -> n.startsWith(role) && n.endsWith(".jsa")),
                            role + " archive: " + names);
                }
            }
        } finally {
            devstack.descendants().forEach(ProcessHandle::destroyForcibly);
            devstack.destroyForcibly();
            devstack.waitFor(30, TimeUnit.SECONDS);
            try {
                TestCluster.deleteTree(archives); // ~300 MB of archives, one folder per run
            } catch (IOException stillWritten) {
                // a node killed above may still be writing its archive: the folder stays, the test's own outcome stands
            }
        }
    }

    /** Refused topologies are CLI errors, before any node starts. */
    @Test
    void twoOrchestratorsAreRefusedWithAMessage() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(REPO.resolve("bacalao").toString(), "devstack", "--orchestrators", "2")
                .redirectErrorStream(true);
        pb.environment().put("BACALAO_SKIP_BUILD", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("Error: a devstack has one orchestrator: --orchestrators plus --hybrids must be 1 (got 2)"), out);
    }

    /** Runs the CLI against the devstack; it must exit 0. */
    private static String bacalao(int apiPort, String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of(REPO.resolve("bacalao").toString(), "--api-port", String.valueOf(apiPort)));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("BACALAO_SKIP_BUILD", "1");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
