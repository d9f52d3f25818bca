package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;

/** One ranking rule. Scores of all rules are summed; one unsuitable verdict excludes the node. */
public interface NodeRanker {
    Rank rank(RankingInput input, NodeState node);
}
