package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;

/** The node must run the task's engine: +10, else "does not support X, only a, b". */
public final class EngineRanker implements NodeRanker {
    @Override
    public Rank rank(RankingInput input, NodeState node) {
        String engine = input.task().engine().type();
        var info = node.info().computeNodeInfo();
        if (info.supportsEngine(engine)) return Rank.score(10);
        return Rank.unsuitable("does not support " + engine + ", only " + String.join(", ", info.executionEngines()),
                Misfit.of(Misfit.Kind.ENGINE, engine));
    }
}
