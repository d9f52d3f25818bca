package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

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

    /** Higher score first; equal scores by node ID, so that a seeded run always chooses the same nodes. */
    static final Comparator<RankedNode> BEST_FIRST = (a, b) -> a.score() != b.score()
            ? Integer.compare(b.score(), a.score()) : a.node().id().compareTo(b.node().id());

    /** Ranks every candidate; all suitable nodes come best first. */
    public Selection select(RankingInput input, List<NodeState> candidates) {
        return select(input, candidates, Integer.MAX_VALUE);
    }

    /**
     * Ranks every candidate; the first {@code wanted} suitable nodes are the best, best first, and the others
     * follow in candidate order. Choosing a few nodes out of thousands then costs no full sort.
     */
    public Selection select(RankingInput input, List<NodeState> candidates, int wanted) {
        List<RankedNode> suitable = new ArrayList<>();
        List<RankedNode> unsuitable = new ArrayList<>();
        for (NodeState node : candidates) {
            RankedNode r = rank(input, node);
            (r.suitable() ? suitable : unsuitable).add(r);
        }
        return new Selection(candidates.size(), bestFirst(suitable, wanted), unsuitable);
    }

    private static List<RankedNode> bestFirst(List<RankedNode> suitable, int wanted) {
        if (wanted >= suitable.size() / 4) {
            suitable.sort(BEST_FIRST);
            return suitable;
        }
        PriorityQueue<RankedNode> top = new PriorityQueue<>(wanted + 1, BEST_FIRST.reversed());
        for (RankedNode r : suitable) {
            top.add(r);
            if (top.size() > wanted) top.poll();
        }
        List<RankedNode> best = new ArrayList<>(top);
        best.sort(BEST_FIRST);
        Set<RankedNode> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
        chosen.addAll(best);
        List<RankedNode> all = new ArrayList<>(suitable.size());
        all.addAll(best);
        for (RankedNode r : suitable) {
            if (!chosen.contains(r)) all.add(r);
        }
        return all;
    }

    private RankedNode rank(RankingInput input, NodeState node) {
        int score = 0;
        List<String> reasons = null;
        List<Misfit> misfits = null;
        boolean retryable = true;
        for (NodeRanker ranker : rankers) {
            Rank r = ranker.rank(input, node);
            if (r.suitable()) {
                score += r.score();
            } else {
                if (reasons == null) {
                    reasons = new ArrayList<>(2);
                    misfits = new ArrayList<>(2);
                }
                reasons.add(r.reason());
                misfits.addAll(r.misfits());
                retryable &= r.retryable();
            }
        }
        if (reasons == null) return new RankedNode(node, score, List.of(), List.of(), false);
        return new RankedNode(node, score, reasons, misfits, retryable);
    }
}
