package io.bacalao.it.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import io.bacalao.payara.NodeProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A compute node with admission control (RejectNetworkedJobs, RejectStatelessJobs, a ProbeExec script, an env
 * allow-list) and small input ceilings refuses what its operator ruled out, with Bacalhau's reasons visible in the
 * job's executions and in {@code job describe}; what it admits runs, with Default networking turned into None and
 * an allowed {@code env:} value read from the node's environment.
 */
class AdmissionControlIT {
    static final Duration DONE = Duration.ofSeconds(180);
    static final String BUSYBOX = "local/busybox:latest";
    static final String INLINE = "{\"Source\":{\"Type\":\"inline\",\"Params\":{\"URL\":\"data:text/plain,hello\"}},"
            + "\"Target\":\"/in\"}";
    static TestCluster cluster;
    static String strict;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.create("admission", Map.of()).start(0);
        NodeProcess node = cluster.startCompute(1, Map.of(
                "JobAdmissionControl.RejectNetworkedJobs", "true",
                "JobAdmissionControl.RejectStatelessJobs", "true",
                "JobAdmissionControl.ProbeExec", "grep -q deny-me && { echo denied by the probe >&2; exit 1; }; exit 0",
                "Compute.Env.AllowList", "HOM*",
                ConfigKeys.MAX_UNPACKED_BYTES, "1MB"));
        node.awaitReady(TestCluster.READY);
        strict = node.spec().nodeId();
        Waits.until("the compute node connected", Duration.ofSeconds(120), () -> {
            for (JsonNode n : api().get("/api/v1/orchestrator/nodes?filter-status=connected").json().get("Nodes")) {
                if (n.get("Info").get("NodeID").asText().equals(strict)) return true;
            }
            return false;
        });
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    private static Api api() {
        return cluster.api();
    }

    @Test
    void aNetworkedJobIsRefusedWithTheReasonInItsExecutionAndDescribe() {
        String id = failed(job("noop", "", "[" + INLINE + "]", "\"Network\":{\"Type\":\"Host\"},", ""));
        assertRejected(id, "rejected bid: this node does not run jobs that require network access");
    }

    @Test
    void aStatelessJobIsRefused() {
        String id = failed(job("noop", "", "[]", "", ""));
        assertRejected(id, "rejected bid: this node does not accept jobs without any input volumes");
    }

    @Test
    void everyReasonIsGivenAtOnce() {
        String id = failed(job("noop", "", "[]", "\"Network\":{\"Type\":\"Bridge\"},", ""));
        assertRejected(id, "rejected bid: this node does not run jobs that require network access;"
                + " rejected bid: this node does not accept jobs without any input volumes");
    }

    @Test
    void theExecProbeDecidesWithItsStderrAsTheReason() {
        String id = failed(job("noop", "\"Labels\":{\"verdict\":\"deny-me\"},", "[" + INLINE + "]", "", ""));
        assertRejected(id, "rejected bid: this node does not accept this job: denied by the probe");
    }

    @Test
    void aHostVariableOutsideTheAllowListIsRefused() {
        String id = failed(job("noop", "", "[" + INLINE + "]", "", "\"Env\":{\"SECRET\":\"env:PATH\"},"));
        assertRejected(id, "rejected bid: this node does not resolve environment variable SECRET: environment variable"
                + " 'PATH' is not in allowed patterns");
    }

    @Test
    void anAdmittedJobRunsWithoutNetworkAndWithItsAllowedHostVariable() {
        String engine = "\"Engine\":{\"Type\":\"docker\",\"Params\":{\"Image\":\"" + BUSYBOX + "\",\"Entrypoint\":[\"sh\","
                + "\"-c\",\"echo home=$H; ls /sys/class/net; cat /in\"]}}";
        String id = api().submit("{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\"," + engine + ",\"Env\":{\"H\":"
                + "\"env:HOME\"},\"InputSources\":[" + INLINE + "]}]}");
        assertEquals("Completed", api().awaitTerminal(id, DONE), () -> describe(id));
        String stdout = executions(id).get(0).get("RunOutput").get("Stdout").asText();
        assertEquals("home=" + System.getenv("HOME") + "\nlo\nhello", stdout.strip());
    }

    @Test
    void anInlineArchiveOverTheNodesCeilingFailsTheExecution() throws IOException {
        String bomb = "{\"Source\":{\"Type\":\"inline\",\"Params\":{\"URL\":\"data:application/gzip;base64,"
                + Base64.getEncoder().encodeToString(zeros(2_000_000)) + "\"}},\"Target\":\"/in\"}";
        String id = failed(job("noop", "", "[" + bomb + "]", "", ""));
        String messages = computeMessages(id);
        assertTrue(messages.contains("inline input for /in is too large: archive unpacks to more than 1000000 bytes"),
                messages);
    }

    private static String job(String engine, String jobFields, String inputs, String network, String env) {
        return "{\"Type\":\"batch\"," + jobFields + "\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"" + engine
                + "\"}," + network + env + "\"InputSources\":" + inputs + "}]}";
    }

    private static String failed(String job) {
        String id = api().submit(job);
        assertEquals("Failed", api().awaitTerminal(id, DONE), () -> describe(id));
        return id;
    }

    private static void assertRejected(String id, String reason) {
        List<JsonNode> executions = executions(id);
        assertTrue(executions.stream().anyMatch(e -> e.get("NodeID").asText().equals(strict)
                && reason.equals(e.get("ComputeState").path("Message").asText())), () -> computeMessages(id));
        String described = describe(id);
        assertTrue(described.contains(reason), described);
    }

    private static List<JsonNode> executions(String jobId) {
        List<JsonNode> all = new ArrayList<>();
        api().get("/api/v1/orchestrator/jobs/" + jobId + "/executions").json().get("Items").forEach(all::add);
        return all;
    }

    private static String computeMessages(String id) {
        return executions(id).stream().map(e -> e.get("ComputeState").path("Message").asText())
                .collect(Collectors.joining(" | "));
    }

    private static String describe(String id) {
        return cluster.cli().run("job", "describe", id).out();
    }

    /** A tar.gz holding one file of {@code size} zero bytes: a few KB that unpack to {@code size}. */
    private static byte[] zeros(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            TarArchiveEntry e = new TarArchiveEntry("zeros");
            e.setSize(size);
            tar.putArchiveEntry(e);
            tar.write(new byte[size]);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }
}
