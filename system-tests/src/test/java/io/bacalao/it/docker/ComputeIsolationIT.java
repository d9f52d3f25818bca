package io.bacalao.it.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.it.support.Cli;
import io.bacalao.it.support.SharedCluster;
import io.bacalao.it.support.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What an execution may leave on a compute node (docs/compute-isolation.md), end to end. */
@ExtendWith(SharedCluster.class)
class ComputeIsolationIT {
    static final Duration DONE = Duration.ofSeconds(120);
    static final String BUSYBOX = "local/busybox:latest";

    @TempDir
    Path tmp;

    @Test
    void anEndedExecutionKeepsOnlyItsLogsWhileItsResultsStayDownloadable(TestCluster cluster) throws Exception {
        String id = runToEnd(cluster, "-p", "local", "-o", "outputs:/outputs", BUSYBOX, "--",
                "sh", "-c", "echo 42 > /outputs/answer.txt; echo logged");
        JsonNode execution = execution(cluster, id);
        Path folder = executionFolder(cluster, execution.get("ID").asText());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("logs"), left.map(p -> p.getFileName().toString()).toList());
        }
        Path out = tmp.resolve("job");
        Cli.Result get = cluster.cli().run("job", "get", id, "--output-dir", out.toString());
        assertEquals(0, get.exitCode(), get.all());
        assertEquals("42\n", Files.readString(out.resolve("outputs").resolve("answer.txt")));
        assertTrue(cluster.cli().run("job", "logs", id).out().contains("logged"), "logs outlive the results folder");
    }

    @Test
    void longOutputIsSummarisedInTheRunOutputAndMarkedTruncated(TestCluster cluster) throws Exception {
        String id = runToEnd(cluster, "-p", "local", BUSYBOX, "--", "sh", "-c", "head -c 5000 /dev/zero | tr '\\0' x");
        JsonNode output = execution(cluster, id).get("RunOutput");
        assertEquals(2048, output.get("Stdout").asText().length());
        assertTrue(output.get("StdoutTruncated").asBoolean());
        assertTrue(!output.get("StderrTruncated").asBoolean());
        Path out = tmp.resolve("long");
        assertEquals(0, cluster.cli().run("job", "get", id, "--output-dir", out.toString()).exitCode());
        assertEquals(5000, Files.size(out.resolve("stdout")), "the full stream is in the results");
    }

    @Test
    void resultsBiggerThanResourcesDiskFailTheJob(TestCluster cluster) {
        String id = cluster.api().submit("{\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":"
                + "\"docker\",\"Params\":{\"Image\":\"" + BUSYBOX + "\",\"Entrypoint\":[\"sh\",\"-c\"],\"Parameters\":"
                + "[\"dd if=/dev/zero of=/outputs/big bs=1024 count=64\"]}},\"ResultPaths\":[{\"Name\":\"outputs\","
                + "\"Path\":\"/outputs\"}],\"Resources\":{\"CPU\":\"100m\",\"Memory\":\"64Mi\",\"Disk\":\"16Ki\"}}]}");
        assertEquals("Failed", cluster.api().awaitTerminal(id, DONE));
        String message = execution(cluster, id).get("ComputeState").get("Message").asText();
        assertTrue(message.contains("more than its 16") && message.contains("(Resources.Disk)"), message);
    }

    private static String runToEnd(TestCluster cluster, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "docker";
        all[1] = "run";
        all[2] = "--wait=false";
        System.arraycopy(args, 0, all, 3, args.length);
        Cli.Result r = cluster.cli().run(all);
        assertEquals(0, r.exitCode(), r.all());
        String id = r.out().trim();
        assertEquals("Completed", cluster.api().awaitTerminal(id, DONE), () -> cluster.cli().run("job", "describe", id).out());
        return id;
    }

    private static JsonNode execution(TestCluster cluster, String jobId) {
        return cluster.api().get("/api/v1/orchestrator/jobs/" + jobId + "/executions").json().get("Items").get(0);
    }

    /** The execution's folder on whichever compute node ran it: {@code <DataDir>/compute/executions/<execID>}. */
    private static Path executionFolder(TestCluster cluster, String executionId) throws Exception {
        try (Stream<Path> nodes = Files.list(cluster.root())) {
            return nodes.map(d -> d.resolve("compute").resolve("executions").resolve(executionId)).filter(Files::isDirectory)
                    .findFirst().orElseThrow(() -> new AssertionError("no folder for " + executionId + " under " + cluster.root()));
        }
    }
}
