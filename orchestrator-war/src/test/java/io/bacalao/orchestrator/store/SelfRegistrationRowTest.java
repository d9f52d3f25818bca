package io.bacalao.orchestrator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.ComputeNodeInfo;
import io.bacalao.domain.model.NodeInfo;
import io.bacalao.domain.model.NodeMembership;
import io.bacalao.domain.model.NodeType;
import io.bacalao.domain.model.Resources;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The orchestrator's minute re-registration of its own row, alone and on a hybrid node. */
class SelfRegistrationRowTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final NodeInfo REQUESTER = new NodeInfo("n-self", NodeType.Requester, Map.of("name", "n-self"),
            List.of("bacalao/v1"), null, null);

    private static NodeInfo computeSide() {
        Resources max = Resources.of(2, 4L << 30, 10L << 30, 0);
        return new NodeInfo("n-self", NodeType.Compute, Map.of("name", "n-self"), List.of("bacalao/v1"),
                new ComputeNodeInfo(List.of("docker", "noop"), List.of(), List.of(), max, Resources.ZERO, max, max, 0, 0,
                        "127.0.0.1"), null);
    }

    @Test
    void aHybridNodesComputeInfoSurvivesTheOrchestratorsRegistration() {
        NodeEntity row = new NodeEntity(REQUESTER, NodeMembership.APPROVED, NOW);
        row.info(computeSide());
        row.disconnect("no heartbeat", NOW.plusSeconds(30));

        row.refreshSelf(REQUESTER, NOW.plusSeconds(60));

        NodeInfo kept = row.toNodeState().info();
        assertNotNull(kept.computeNodeInfo(), "the scheduler would no longer see the hybrid node's compute side");
        assertEquals(List.of("docker", "noop"), kept.computeNodeInfo().executionEngines());
        assertTrue(row.isConnected());
    }

    @Test
    void anOrchestratorAloneIsRegisteredWithItsCurrentInfo() {
        NodeEntity row = new NodeEntity(new NodeInfo("n-self", NodeType.Requester, Map.of(), List.of(), null, null),
                NodeMembership.APPROVED, NOW);
        row.refreshSelf(REQUESTER, NOW.plusSeconds(60));
        NodeInfo now = row.toNodeState().info();
        assertEquals(Map.of("name", "n-self"), now.labels());
        assertNull(now.computeNodeInfo());
    }
}
