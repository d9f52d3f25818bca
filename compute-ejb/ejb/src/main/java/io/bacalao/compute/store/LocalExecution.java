package io.bacalao.compute.store;

import static io.bacalao.domain.model.ExecutionStateType.AskForBidAccepted;
import static io.bacalao.domain.model.ExecutionStateType.AskForBidRejected;
import static io.bacalao.domain.model.ExecutionStateType.BidAccepted;
import static io.bacalao.domain.model.ExecutionStateType.BidRejected;
import static io.bacalao.domain.model.ExecutionStateType.Cancelled;
import static io.bacalao.domain.model.ExecutionStateType.Completed;
import static io.bacalao.domain.model.ExecutionStateType.Failed;
import static io.bacalao.domain.model.ExecutionStateType.New;
import static io.bacalao.domain.model.ExecutionStateType.Publishing;
import static io.bacalao.domain.model.ExecutionStateType.Running;

import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.RunOutput;
import io.bacalao.domain.model.SpecConfig;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An execution as this node knows it: the orchestrator's execution (with its job), the local state, and the
 * outcome once finished (kept so a lost report can be sent again).
 *
 * <p>The local state machine (reference §5.2) is this type's: {@link #canTransitionTo} holds the table, {@link #to}
 * refuses a move it does not allow, and {@link #moved} answers null instead, which is how
 * {@link ExecutionStore#update} callers decline a change (a repeated or late message finds the execution past the
 * state it expects and changes nothing).
 * <pre>
 * New               → AskForBidAccepted | AskForBidRejected | BidAccepted (pre-approved) | Cancelled
 * AskForBidAccepted → BidAccepted | BidRejected | Cancelled
 * BidAccepted       → Running | Cancelled
 * Running           → Publishing | Completed | Failed | Cancelled
 * Publishing        → Completed | Failed | Cancelled
 * terminal states (AskForBidRejected, BidRejected, Completed, Failed, Cancelled) → nothing
 * </pre>
 */
public record LocalExecution(Execution execution, ExecutionStateType state, String message,
                             SpecConfig publishedResult, RunOutput output) {
    private static final Map<ExecutionStateType, Set<ExecutionStateType>> NEXT = new EnumMap<>(ExecutionStateType.class);

    static {
        NEXT.put(New, EnumSet.of(AskForBidAccepted, AskForBidRejected, BidAccepted, Cancelled));
        NEXT.put(AskForBidAccepted, EnumSet.of(BidAccepted, BidRejected, Cancelled));
        NEXT.put(BidAccepted, EnumSet.of(Running, Cancelled));
        NEXT.put(Running, EnumSet.of(Publishing, Completed, Failed, Cancelled));
        NEXT.put(Publishing, EnumSet.of(Completed, Failed, Cancelled));
    }

    public static LocalExecution received(Execution e) {
        return new LocalExecution(e, New, "", null, null);
    }

    /** Whether the local state machine allows moving from {@code from} to {@code next}. */
    public static boolean allowed(ExecutionStateType from, ExecutionStateType next) {
        return NEXT.getOrDefault(from, Set.of()).contains(next);
    }

    public String id() {
        return execution.id();
    }

    public Job job() {
        return execution.job();
    }

    public Resources usage() {
        return execution.allocatedResources().total();
    }

    public boolean canTransitionTo(ExecutionStateType next) {
        return allowed(state, next);
    }

    /** This execution in state {@code next}; a move the state machine does not allow is a programming error. */
    public LocalExecution to(ExecutionStateType next, String why) {
        if (!canTransitionTo(next)) throw new IllegalStateException("execution " + id() + " cannot go from " + state + " to " + next);
        return new LocalExecution(execution, next, why == null ? "" : why, publishedResult, output);
    }

    /** This execution in state {@code next}, or null when the state machine does not allow the move. */
    public LocalExecution moved(ExecutionStateType next, String why) {
        return canTransitionTo(next) ? to(next, why) : null;
    }

    /** This execution completed with its published result and output, or null when it cannot complete now. */
    public LocalExecution completed(SpecConfig published, RunOutput out) {
        return canTransitionTo(Completed) ? new LocalExecution(execution, Completed, "", published, out) : null;
    }
}
