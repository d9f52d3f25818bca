package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;

/** Spreads work between equally good nodes: +0..4. */
public final class RandomRanker implements NodeRanker {
    private static final int RANGE = 5;

    @Override
    public Rank rank(RankingInput input, NodeState node) {
        return Rank.score(input.random().nextInt(RANGE));
    }
}
