package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;
import java.util.List;

/** A node with its summed score, or the reasons (and their structured misfits) it cannot take the job. */
public record RankedNode(NodeState node, int score, List<String> reasons, List<Misfit> misfits, boolean retryable) {
    public RankedNode {
        reasons = List.copyOf(reasons);
        misfits = List.copyOf(misfits);
    }

    public boolean suitable() {
        return reasons.isEmpty();
    }
}
