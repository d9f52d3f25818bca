package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;

/**
 * A committed fact about an execution that its node may need to hear about. The store records what happened;
 * {@code messaging.ExecutionMessages} decides which protocol message, if any, that means.
 *
 * @param before the execution before the change; null when it was {@link Kind#CREATED}
 * @param after  the execution as committed
 * @param job    the job it belongs to, as committed
 */
public record ExecutionChange(Kind kind, Execution before, Execution after, Job job) {
    public enum Kind {
        /** A new execution (its node is asked for a bid, or told to run it when pre-approved). */
        CREATED,
        /** The orchestrator changed its desired or observed state (approved, rejected, stopped). */
        CHANGED,
        /** Unchanged, but still waiting for its node after a while: the message that moves it on is sent again. */
        AWAITING_NODE
    }

    public static ExecutionChange created(Execution e, Job job) {
        return new ExecutionChange(Kind.CREATED, null, e, job);
    }

    public static ExecutionChange changed(Execution before, Execution after, Job job) {
        return new ExecutionChange(Kind.CHANGED, before, after, job);
    }

    public static ExecutionChange awaitingNode(Execution e, Job job) {
        return new ExecutionChange(Kind.AWAITING_NODE, e, e, job);
    }
}
