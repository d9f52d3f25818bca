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

    /** Scores 0..255 are shared instances: rankers hand them out for every node of every evaluation. */
    private static final Rank[] SCORES = new Rank[256];

    static {
        for (int i = 0; i < SCORES.length; i++) SCORES[i] = new Rank(i, true, "", false, List.of());
    }

    public static Rank score(int score) {
        return score >= 0 && score < SCORES.length ? SCORES[score] : new Rank(score, true, "", false, List.of());
    }

    public static Rank unsuitable(String reason, Misfit... misfits) {
        return new Rank(0, false, reason, false, List.of(misfits));
    }

    public static Rank busy(String reason, Misfit... misfits) {
        return new Rank(0, false, reason, true, List.of(misfits));
    }
}
