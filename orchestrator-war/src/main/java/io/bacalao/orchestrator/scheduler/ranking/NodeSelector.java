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

    /**
     * Bacalhau's chain (reference §4.4): engines, publishers, storages, labels, max usage, over-subscription,
     * previous executions, available capacity, random.
     */
    public static NodeSelector standard() {
        return withPreviousExecutions(new PreviousExecutionsRanker());
    }

    /** The chain for daemon jobs: attempts count from the node's latest connection. */
    public static NodeSelector forDaemons() {
        return withPreviousExecutions(PreviousExecutionsRanker.sinceLastConnect());
    }

    private static NodeSelector withPreviousExecutions(PreviousExecutionsRanker previous) {
        return new NodeSelector(List.of(new EngineRanker(), new PublisherRanker(), new StorageRanker(),
                new LabelsRanker(), new MaxUsageRanker(), new OverSubscriptionRanker(), previous,
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
        List<Misfit> misfits = new ArrayList<>();
        boolean retryable = true;
        for (NodeRanker ranker : rankers) {
            Rank r = ranker.rank(input, node);
            if (r.suitable()) {
                score += r.score();
            } else {
                reasons.add(r.reason());
                misfits.addAll(r.misfits());
                retryable &= r.retryable();
            }
        }
        return new RankedNode(node, score, reasons, misfits, !reasons.isEmpty() && retryable);
    }
}
