package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.selector.Requirement;
import java.util.ArrayList;
import java.util.List;

/**
 * Hard constraints must all match the node's labels (else one misfit per unmatched constraint); each matched
 * {@code favour_} preference adds 10 and an unmatched one never excludes.
 */
public final class LabelsRanker implements NodeRanker {
    @Override
    public Rank rank(RankingInput input, NodeState node) {
        var labels = node.info().labels();
        int score = 0;
        List<Requirement> unmatched = new ArrayList<>();
        for (Requirement r : input.constraints().requirements()) {
            boolean match = r.matches(labels);
            if (r.isPreference()) {
                if (match) score += 10;
            } else if (!match) {
                unmatched.add(r);
            }
        }
        if (unmatched.isEmpty()) return Rank.score(score);
        String reason = "labels " + labels + " do not match the job's constraint "
                + String.join(", ", unmatched.stream().map(Requirement::toString).toList());
        return Rank.unsuitable(reason, unmatched.stream().map(r -> Misfit.of(Misfit.Kind.LABEL, r.toString()))
                .toArray(Misfit[]::new));
    }
}
