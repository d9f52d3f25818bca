package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.NodeState;

/** The node must read every input source type of the task: +10. */
public final class StorageRanker implements NodeRanker {
    @Override
    public Rank rank(RankingInput input, NodeState node) {
        var info = node.info().computeNodeInfo();
        for (InputSource in : input.task().inputSources()) {
            if (!info.supportsStorage(in.source().type())) {
                return Rank.unsuitable("does not support input source " + in.source().type() + ", only "
                        + String.join(", ", info.storageSources()));
            }
        }
        return Rank.score(input.task().inputSources().isEmpty() ? 0 : 10);
    }
}
