package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
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

    /**
     * The observed-state moves an execution may make (reference §3.3): forward through the bid and the run, to a
     * terminal state from anywhere live. A bid can be rejected only before it was approved, and reports may skip
     * steps (a pre-approved run reports Running or its result before its bid result). Terminal states are final.
     */
    private static final Map<ExecutionStateType, Set<ExecutionStateType>> NEXT = new EnumMap<>(ExecutionStateType.class);

    static {
        Set<ExecutionStateType> ends = EnumSet.of(Completed, Failed, Cancelled);
        NEXT.put(Undefined, EnumSet.of(New));
        NEXT.put(New, with(ends, AskForBid, AskForBidAccepted, AskForBidRejected, BidAccepted, BidRejected, Running,
                Publishing));
        NEXT.put(AskForBid, with(ends, AskForBidAccepted, AskForBidRejected, BidAccepted, BidRejected, Running,
                Publishing));
        NEXT.put(AskForBidAccepted, with(ends, BidAccepted, BidRejected, Running, Publishing));
        NEXT.put(BidAccepted, with(ends, Running, Publishing));
        NEXT.put(Running, with(ends, Publishing));
        NEXT.put(Publishing, with(ends));
        for (ExecutionStateType t : TERMINAL) NEXT.put(t, EnumSet.noneOf(ExecutionStateType.class));
    }

    private static Set<ExecutionStateType> with(Set<ExecutionStateType> base, ExecutionStateType... more) {
        Set<ExecutionStateType> s = EnumSet.copyOf(base);
        s.addAll(Set.of(more));
        return s;
    }

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

    /**
     * Whether an execution may move from this state to {@code next}. Staying put is not a move: a repeated report
     * changes nothing, and a change of only the desired state is checked by the writer, not here.
     */
    public boolean canTransitionTo(ExecutionStateType next) {
        return NEXT.get(this).contains(next);
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
