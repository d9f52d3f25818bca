package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;
import java.util.List;

/** A node with its summed score, or the reasons it cannot take the job. */
public record RankedNode(NodeState node, int score, List<String> reasons, boolean retryable) {
    public boolean suitable() {
        return reasons.isEmpty();
    }
}
