package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.NodeState;

/**
 * Partitions of a job go to distinct nodes and a node gets at most two attempts (reference §3.4):
 * never ran here +30; ran once and it was discarded 0; otherwise unsuitable.
 */
public final class PreviousExecutionsRanker implements NodeRanker {
    @Override
    public Rank rank(RankingInput input, NodeState node) {
        int attempts = 0;
        for (Execution e : input.executions()) {
            if (!e.nodeId().equals(node.id()) || e.jobVersion() != input.job().version()) continue;
            if (e.state() == ExecutionStateType.AskForBidRejected) return Rank.unsuitable("job rejected by this node");
            if (!e.isDiscarded()) return Rank.unsuitable("job already running or completed on this node");
            attempts++;
        }
        if (attempts == 0) return Rank.score(30);
        if (attempts == 1) return Rank.score(0);
        return Rank.unsuitable("job already executed on this node more than once");
    }
}
