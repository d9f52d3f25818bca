package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import io.bacalao.payara.NodeProcess;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariant 1: a job accepted with 200 is never lost. Jobs wait (no compute node yet, or just submitted) when
 * the orchestrator is killed with SIGKILL; after a restart every one of them completes. Also: a compute node
 * with the wrong token is refused by the broker and says so in its log.
 */
class OrchestratorCrashIT {
    static final String TOKEN = "s3cret-token";
    static TestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.create("crash", Map.of(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, TOKEN)).start(0);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    @Test
    void jobsWaitingWhenTheOrchestratorIsKilledAllCompleteAfterItsRestart() throws Exception {
        Api api = cluster.api();
        List<String> ids = new ArrayList<>();
        String waiting = "{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"},"
                + "\"Timeouts\":{\"QueueTimeout\":900}}]}";
        for (int i = 0; i < 5; i++) ids.add(api.submit(waiting));
        for (String id : ids) api.awaitState(id, "Queued"::equals, Duration.ofSeconds(60));
        for (int i = 0; i < 5; i++) ids.add(api.submit(waiting));
        cluster.orchestrator().kill();

        cluster.restartOrchestrator();
        for (String id : ids) {
            assertFalse(api.job(id).get("State").get("StateType").asText().isEmpty(), "job " + id + " survived");
        }
        NodeProcess compute = cluster.startCompute(1, Map.of());
        compute.awaitReady(TestCluster.READY);
        for (String id : ids) assertEquals("Completed", api.awaitTerminal(id, Duration.ofSeconds(120)), id);
    }

    @Test
    void aComputeNodeWithTheWrongTokenIsRefusedAndSaysSo() throws Exception {
        NodeProcess intruder = cluster.startCompute(5, Map.of(ConfigKeys.COMPUTE_AUTH_TOKEN, "wrong-token"));
        try {
            Waits.until("the refusal in the compute node's log", Duration.ofSeconds(120),
                    () -> read(intruder).contains("refused this node's Compute.Auth.Token"));
            String nodes = cluster.api().get("/api/v1/orchestrator/nodes").body();
            assertFalse(nodes.contains(intruder.spec().nodeId()), "never registered: " + nodes);
        } finally {
            intruder.stop(Duration.ofSeconds(10));
        }
    }

    private static String read(NodeProcess p) {
        try {
            return Files.readString(p.log());
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
