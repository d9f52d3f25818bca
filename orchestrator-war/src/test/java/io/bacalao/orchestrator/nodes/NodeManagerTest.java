package io.bacalao.orchestrator.nodes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.ComputeNodeInfo;
import io.bacalao.domain.model.NodeInfo;
import io.bacalao.domain.model.NodeType;
import io.bacalao.domain.model.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which node info updates are worth evaluating queued jobs again: only those that report more room. */
class NodeManagerTest {
    static NodeInfo withAvailable(Resources available) {
        return with(List.of("noop"), available);
    }

    static NodeInfo with(List<String> engines, Resources available) {
        Resources max = Resources.of(4, 8L << 30, 100L << 30, 1);
        return new NodeInfo("n-1", NodeType.Compute, Map.of(), List.of(), new ComputeNodeInfo(engines, List.of(),
                List.of(), max, Resources.ZERO, available, max, 0, 0, "127.0.0.1"), null);
    }

    @Test
    void aFinishedExecutionFreeingCapacityIsMoreRoom() {
        assertTrue(NodeManager.hasMoreRoom(withAvailable(Resources.of(4, 8L << 30, 0, 1)),
                withAvailable(Resources.of(3, 7L << 30, 0, 1))));
        assertTrue(NodeManager.hasMoreRoom(withAvailable(Resources.of(3, 7L << 30, 0, 1)),
                withAvailable(Resources.of(3, 7L << 30, 0, 0))));
    }

    @Test
    void aStartedExecutionOrAnUnchangedNodeIsNot() {
        assertFalse(NodeManager.hasMoreRoom(withAvailable(Resources.of(3, 7L << 30, 0, 1)),
                withAvailable(Resources.of(4, 8L << 30, 0, 1))));
        assertFalse(NodeManager.hasMoreRoom(withAvailable(Resources.of(3, 7L << 30, 0, 1)),
                withAvailable(Resources.of(3, 7L << 30, 0, 1))));
    }

    @Test
    void anEngineThatAppearedIsMoreRoomAndOneThatWentIsNot() {
        Resources free = Resources.of(3, 7L << 30, 0, 1);
        assertTrue(NodeManager.hasMoreRoom(with(List.of("docker", "noop"), free), with(List.of("noop"), free)));
        assertFalse(NodeManager.hasMoreRoom(with(List.of("noop"), free), with(List.of("docker", "noop"), free)));
    }

    @Test
    void theFirstReportOfCapacityIsMoreRoom() {
        NodeInfo bare = new NodeInfo("n-1", NodeType.Compute, Map.of(), List.of(), null, null);
        assertTrue(NodeManager.hasMoreRoom(withAvailable(Resources.ZERO), bare));
        assertFalse(NodeManager.hasMoreRoom(bare, withAvailable(Resources.ZERO)));
    }
}
