package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;

/** The node must offer the task's publisher, when it names one: +10 (Bacalhau's wording for a missing one). */
public final class PublisherRanker implements NodeRanker {
    @Override
    public Rank rank(RankingInput input, NodeState node) {
        var publisher = input.task().publisher();
        if (publisher.isEmpty()) return Rank.score(0);
        var info = node.info().computeNodeInfo();
        if (info.supportsPublisher(publisher.type())) return Rank.score(10);
        return Rank.unsuitable("does not support " + publisher.type() + ", only " + String.join(", ", info.publishers()),
                Misfit.of(Misfit.Kind.PUBLISHER, publisher.type()));
    }
}
