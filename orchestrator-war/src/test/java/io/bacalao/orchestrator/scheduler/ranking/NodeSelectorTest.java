package io.bacalao.orchestrator.scheduler.ranking;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.nodeId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.Resources;
import io.bacalao.orchestrator.scheduler.JobBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking chain: summed scores, best first, and the grouped "not enough nodes" explanation (§3.2, §4.4). */
class NodeSelectorTest {
    private static final Resources ONE_CPU = Resources.of(1, 16_000_000_000L, 100_000_000_000L, 0);

    private static Selection select(NodeSelector selector, JobBuilder job, List<NodeState> nodes) {
        return selector.select(Rankings.input(job), nodes);
    }

    @Test
    void suitableNodesComeBestFirstWithSummedScores() {
        NodeSelector selector = new NodeSelector(List.of(new EngineRanker(), new LabelsRanker()));
        Selection s = select(selector, aJob().constraint("favour_disk", "=", "ssd"),
                Rankings.nodes(aNode(1), aNode(2).label("disk", "ssd"), aNode(3).engines("wasm")));
        assertEquals(List.of(nodeId(2), nodeId(1)), s.suitable().stream().map(r -> r.node().id()).toList());
        assertEquals(List.of(20, 10), s.suitable().stream().map(RankedNode::score).toList());
        assertEquals(3, s.available());
        assertEquals(1, s.unsuitable().size());
    }

    @Test
    void equalScoresAreOrderedByNodeId() {
        NodeSelector selector = new NodeSelector(List.of(new EngineRanker()));
        Selection s = select(selector, aJob(), Rankings.nodes(aNode(3), aNode(1), aNode(2)));
        assertEquals(List.of(nodeId(1), nodeId(2), nodeId(3)), s.suitable().stream().map(r -> r.node().id()).toList());
    }

    @Test
    void messageGroupsNodesSharingAReasonAndNamesSingleOnes() {
        Selection s = select(NodeSelector.standard(), aJob().engine("vroomvroom").constraint("region", "=", "eu"),
                Rankings.nodes(aNode(1), aNode(2), aNode(3), aNode(4).engines("vroomvroom").label("region", "us"),
                        aNode(5).engines("vroomvroom").label("region", "eu")));
        assertEquals(List.of(nodeId(5)), s.suitable().stream().map(r -> r.node().id()).toList());
        assertEquals("not enough nodes to run job. requested: 2, available: 5, suitable: 1."
                + "\n• 3 of 5 nodes: does not support vroomvroom, only docker, wasm; "
                + "labels {} do not match the job's constraint region=eu"
                + "\n• Node n-00000004: labels {region=us} do not match the job's constraint region=eu",
                s.notEnoughNodesMessage(2));
    }

    @Test
    void messageJoinsEveryReasonOfANode() {
        var job = aJob().engine("vroomvroom").resources("2", "").constraint("region", "=", "eu");
        Selection s = select(NodeSelector.standard(), job,
                Rankings.nodes(aNode(1).maxJob(ONE_CPU), aNode(2).label("region", "eu").engines("vroomvroom")));
        assertEquals("not enough nodes to run job. requested: 2, available: 2, suitable: 1."
                + "\n• Node n-00000001: does not support vroomvroom, only docker, wasm; "
                + "labels {} do not match the job's constraint region=eu; "
                + "job requires more CPU (2) than the maximum available (1)", s.notEnoughNodesMessage(2));
    }

    @Test
    void messageWithoutUnsuitableNodesIsOneLine() {
        Selection s = select(NodeSelector.standard(), aJob(), Rankings.nodes(aNode(1)));
        assertEquals("not enough nodes to run job. requested: 3, available: 1, suitable: 1.",
                s.notEnoughNodesMessage(3));
    }

    @Test
    void onlyBusyNodesMakeTheShortageRetryable() {
        Selection busy = select(NodeSelector.standard(), aJob().resources("2", ""),
                Rankings.nodes(aNode(1).maxJob(ONE_CPU)));
        assertTrue(busy.retryable());
        assertTrue(busy.unsuitable().get(0).retryable());
        Selection mixed = select(NodeSelector.standard(), aJob().resources("2", "").engine("vroomvroom"),
                Rankings.nodes(aNode(1).maxJob(ONE_CPU)));
        assertFalse(mixed.retryable());
        Selection none = select(NodeSelector.standard(), aJob(), Rankings.nodes(aNode(1)));
        assertFalse(none.retryable());
    }
}
