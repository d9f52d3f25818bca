package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.NodeState;

/** The node must read every input source type of the task: +10 (Bacalhau's wording for a missing one). */
public final class StorageRanker implements NodeRanker {
    @Override
    public Rank rank(RankingInput input, NodeState node) {
        var info = node.info().computeNodeInfo();
        for (InputSource in : input.task().inputSources()) {
            String type = in.source().type();
            if (!info.supportsStorage(type)) {
                return Rank.unsuitable("does not support " + type + ", only " + String.join(", ", info.storageSources()),
                        Misfit.of(Misfit.Kind.STORAGE, type));
            }
        }
        return Rank.score(input.task().inputSources().isEmpty() ? 0 : 10);
    }
}
