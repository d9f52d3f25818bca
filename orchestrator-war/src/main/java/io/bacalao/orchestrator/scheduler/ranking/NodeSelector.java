package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs the ranking chain over candidate nodes; suitable nodes come best first. */
public final class NodeSelector {
    private final List<NodeRanker> rankers;

    public NodeSelector(List<NodeRanker> rankers) {
        this.rankers = List.copyOf(rankers);
    }

    /** Bacalhau's chain: engines, publishers, storages, labels, max usage, previous executions, capacity, random. */
    public static NodeSelector standard() {
        return new NodeSelector(List.of(new EngineRanker(), new PublisherRanker(), new StorageRanker(),
                new LabelsRanker(), new MaxUsageRanker(), new PreviousExecutionsRanker(),
                new AvailableCapacityRanker(), new RandomRanker()));
    }

    public Selection select(RankingInput input, List<NodeState> candidates) {
        List<RankedNode> suitable = new ArrayList<>();
        List<RankedNode> unsuitable = new ArrayList<>();
        for (NodeState node : candidates) {
            RankedNode r = rank(input, node);
            (r.suitable() ? suitable : unsuitable).add(r);
        }
        suitable.sort(Comparator.comparingInt(RankedNode::score).reversed().thenComparing(r -> r.node().id()));
        return new Selection(candidates.size(), suitable, unsuitable);
    }

    private RankedNode rank(RankingInput input, NodeState node) {
        int score = 0;
        List<String> reasons = new ArrayList<>();
        boolean retryable = true;
        for (NodeRanker ranker : rankers) {
            Rank r = ranker.rank(input, node);
            if (r.suitable()) {
                score += r.score();
            } else {
                reasons.add(r.reason());
                retryable &= r.retryable();
            }
        }
        return new RankedNode(node, score, reasons, !reasons.isEmpty() && retryable);
    }
}
