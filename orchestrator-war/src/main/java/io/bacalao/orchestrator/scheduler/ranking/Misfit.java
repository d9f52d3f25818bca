package io.bacalao.orchestrator.scheduler.ranking;

import java.util.List;

/**
 * What a node lacks for a job, structured so that an explanation can say what would make the job fit
 * (see {@code scheduler.explain}). {@code subject} names what the job needs (an engine, a publisher, an input
 * type, a constraint in selector form, or the node's own words for a refused bid); {@code needed} and
 * {@code offered} carry amounts for resource kinds: CPU in cores, memory and disk in bytes, GPUs as a count.
 */
public record Misfit(Kind kind, String subject, double needed, double offered) {

    /** The kinds of shortfall. Resource kinds compare the job with the node's largest allowed job. */
    public enum Kind {
        ENGINE, PUBLISHER, STORAGE, LABEL, CPU, MEMORY, DISK, GPU,
        /** The node is full: over-subscribed by running and queued work (retryable). */
        BUSY,
        /** The node reported no capacity yet. */
        CAPACITY_UNKNOWN,
        /** The node already holds a live or completed execution of this job version. */
        HOLDS_JOB,
        /** The node refused to bid; {@code subject} is its reason. */
        REFUSED_BID,
        /** The job already ran on the node twice. */
        TOO_MANY_ATTEMPTS;

        public boolean isResource() {
            return this == CPU || this == MEMORY || this == DISK || this == GPU;
        }
    }

    public static Misfit of(Kind kind, String subject) {
        return new Misfit(kind, subject, 0, 0);
    }

    public static Misfit resource(Kind kind, double needed, double offered) {
        return new Misfit(kind, "", needed, offered);
    }

    public static List<Misfit> none() {
        return List.of();
    }
}
