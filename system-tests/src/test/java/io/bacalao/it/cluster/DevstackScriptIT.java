package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.it.support.TestPorts;
import io.bacalao.it.support.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's first command as a user runs it: {@code ./bacalao devstack} from the repository, then the CLI
 * against it (node list, job run, agent), then Ctrl+C, after which no node process is left.
 */
class DevstackScriptIT {
    static final Path REPO = Path.of(System.getProperty("bacalao.repo", "..")).toAbsolutePath().normalize();

    @Test
    void devstackStartsThreeComputeNodesRunsAJobAndStopsCleanlyOnCtrlC() throws Exception {
        Path dir = Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath().resolve("devstack-script");
        Files.createDirectories(dir);
        int api = TestPorts.freeBlock(6);
        int aux = TestPorts.freeBlock(6);
        List<String> config = List.of("--data-dir", dir.toString(), "-c", "API.Port=" + api, "-c", "Orchestrator.Port=" + aux,
                "-c", "Publishers.Types.Local.Port=" + (aux + 1), "-c", "WebUI.Listen=127.0.0.1:" + (api + 5));
        Path log = dir.resolve("devstack.out");
        List<String> cmd = new ArrayList<>(List.of(REPO.resolve("bacalao").toString()));
        cmd.addAll(config);
        cmd.add("devstack");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("BACALAO_SKIP_BUILD", "1");
        Process devstack = pb.start();
        try {
            Waits.until("Devstack ready", Duration.ofMinutes(4), () -> read(log).contains("Devstack ready in"));
            List<ProcessHandle> nodes = devstack.descendants().filter(p -> p.info().commandLine().orElse("")
                    .contains("payara-micro.jar")).toList();
            assertEquals(4, nodes.size(), "1 orchestrator + 3 compute nodes: " + read(log));

            String nodeList = bacalao(api, "node", "list");
            assertEquals(3, nodeList.lines().filter(l -> l.contains("Compute") && l.contains("APPROVED")
                    && l.contains("CONNECTED")).count(), nodeList);
            Path spec = dir.resolve("hello.yaml");
            Files.writeString(spec, "Name: hello\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n");
            String run = bacalao(api, "job", "run", spec.toString());
            assertTrue(run.contains("Completed successfully"), run);
            assertTrue(bacalao(api, "agent", "alive").contains("Status: OK"));
            String ui = "http://127.0.0.1:" + (api + 5) + "/";
            assertTrue(read(log).contains("The Web UI: " + ui), read(log));
            java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(ui + "jobs")).build(),
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

    private static String bacalao(int apiPort, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(REPO.resolve("bacalao").toString(), "--api-port", String.valueOf(apiPort)));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("BACALAO_SKIP_BUILD", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
