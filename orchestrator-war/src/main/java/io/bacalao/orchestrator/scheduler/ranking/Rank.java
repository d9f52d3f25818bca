package io.bacalao.orchestrator.scheduler.ranking;

import java.util.List;

/**
 * One ranker's verdict on one node: a score to add, or unsuitable with Bacalhau's reason text and the
 * structured {@link Misfit}s behind it. A retryable reason may go away by itself (capacity frees up); others
 * need a change of job or cluster.
 */
public record Rank(int score, boolean suitable, String reason, boolean retryable, List<Misfit> misfits) {
    public Rank {
        misfits = List.copyOf(misfits);
    }

    public static Rank score(int score) {
        return new Rank(score, true, "", false, List.of());
    }

    public static Rank unsuitable(String reason, Misfit... misfits) {
        return new Rank(0, false, reason, false, List.of(misfits));
    }

    public static Rank busy(String reason, Misfit... misfits) {
        return new Rank(0, false, reason, true, List.of(misfits));
    }
}
