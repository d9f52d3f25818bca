package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The job's state; JSON is the name as a string ("Running"), parsed case-insensitively, or its ordinal. */
public enum JobStateType {
    Undefined, Pending, Queued, Running, Completed, Failed, Stopped;

    /**
     * The moves a job's state may make within one version (reference §3.2). Update and rerun are not moves: they
     * start a new version at Pending whatever the state was. A job may be stopped until it completes; Failed may
     * still become Stopped (Bacalhau's stop refuses only Completed); Completed and Stopped are final.
     */
    private static final Map<JobStateType, Set<JobStateType>> NEXT = new EnumMap<>(JobStateType.class);

    static {
        NEXT.put(Undefined, EnumSet.of(Pending));
        NEXT.put(Pending, EnumSet.of(Queued, Running, Completed, Failed, Stopped));
        NEXT.put(Queued, EnumSet.of(Running, Completed, Failed, Stopped));
        NEXT.put(Running, EnumSet.of(Queued, Completed, Failed, Stopped));
        NEXT.put(Completed, EnumSet.noneOf(JobStateType.class));
        NEXT.put(Failed, EnumSet.of(Stopped));
        NEXT.put(Stopped, EnumSet.noneOf(JobStateType.class));
    }

    public boolean isTerminal() {
        return this == Completed || this == Failed || this == Stopped;
    }

    /** Pending and Queued: no execution has been approved to run yet. */
    public boolean isWaiting() {
        return this == Pending || this == Queued;
    }

    /**
     * Whether a job in this state may move to {@code next} within its version. Staying in the same state is not a
     * move (false here): the writer lets a job keep its state with a new message or explanation.
     */
    public boolean canTransitionTo(JobStateType next) {
        return NEXT.get(this).contains(next);
    }

    @JsonValue
    public String json() {
        return name();
    }

    @JsonCreator
    public static JobStateType parse(Object value) {
        if (value instanceof Number n) {
            int i = n.intValue();
            if (i >= 0 && i < values().length) return values()[i];
        } else if (value != null) {
            for (JobStateType t : values()) {
                if (t.name().equalsIgnoreCase(value.toString().trim())) return t;
            }
        }
        throw new IllegalArgumentException("invalid job state: " + value);
    }
}
