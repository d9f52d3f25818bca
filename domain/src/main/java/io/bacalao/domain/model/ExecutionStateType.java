package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;

/** What a compute node reports about an execution (its ComputeState). JSON is the integer ordinal. */
public enum ExecutionStateType {
    Undefined, New, AskForBid, AskForBidAccepted, AskForBidRejected, BidAccepted, Running, Publishing,
    BidRejected, Completed, Failed, Cancelled;

    private static final Set<ExecutionStateType> TERMINAL =
            EnumSet.of(BidRejected, Completed, Failed, Cancelled, AskForBidRejected);
    private static final Set<ExecutionStateType> DISCARDED =
            EnumSet.of(AskForBidRejected, BidRejected, Cancelled, Failed);
    private static final Set<ExecutionStateType> EXECUTING = EnumSet.of(BidAccepted, Running, Publishing);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** Rejected, cancelled or failed: the execution will never produce a result. */
    public boolean isDiscarded() {
        return DISCARDED.contains(this);
    }

    /** Approved and holding the node's resources. */
    public boolean isExecuting() {
        return EXECUTING.contains(this);
    }

    /** Whether a node report may move an execution from this state to {@code next}. Terminal states are final. */
    public boolean canTransitionTo(ExecutionStateType next) {
        if (isTerminal()) return false;
        return next.ordinal() > ordinal() || next.isTerminal();
    }

    @JsonValue
    public int json() {
        return ordinal();
    }

    @JsonCreator
    public static ExecutionStateType parse(Object value) {
        if (value instanceof Number n && n.intValue() >= 0 && n.intValue() < values().length) {
            return values()[n.intValue()];
        }
        if (value instanceof String s) {
            for (ExecutionStateType t : values()) {
                if (t.name().equalsIgnoreCase(s.trim())) return t;
            }
        }
        throw new IllegalArgumentException("invalid execution state: " + value);
    }
}
