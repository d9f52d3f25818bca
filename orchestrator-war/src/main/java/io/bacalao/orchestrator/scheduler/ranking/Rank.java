package io.bacalao.orchestrator.scheduler.ranking;

/**
 * One ranker's verdict on one node: a score to add, or unsuitable with the reason a user reads.
 * A retryable reason may go away by itself (capacity frees up); others need a change of job or cluster.
 */
public record Rank(int score, boolean suitable, String reason, boolean retryable) {
    public static Rank score(int score) {
        return new Rank(score, true, "", false);
    }

    public static Rank unsuitable(String reason) {
        return new Rank(0, false, reason, false);
    }

    public static Rank busy(String reason) {
        return new Rank(0, false, reason, true);
    }
}
