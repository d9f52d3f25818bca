package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.selector.Requirement;

/** Hard constraints must match the node's labels; each matched {@code favour_} preference adds 10. */
public final class LabelsRanker implements NodeRanker {
    @Override
    public Rank rank(RankingInput input, NodeState node) {
        var labels = node.info().labels();
        int score = 0;
        for (Requirement r : input.constraints().requirements()) {
            boolean match = r.matches(labels);
            if (r.isPreference()) {
                if (match) score += 10;
            } else if (!match) {
                return Rank.unsuitable("labels " + labels + " do not match the job's constraint " + r);
            }
        }
        return Rank.score(score);
    }
}
