package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The job's state; JSON is the name as a string ("Running"), parsed case-insensitively, or its ordinal. */
public enum JobStateType {
    Undefined, Pending, Queued, Running, Completed, Failed, Stopped;

    public boolean isTerminal() {
        return this == Completed || this == Failed || this == Stopped;
    }

    /** Pending and Queued: no execution has been approved to run yet. */
    public boolean isWaiting() {
        return this == Pending || this == Queued;
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
