package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the orchestrator wants of an execution. JSON is the integer ordinal. */
public enum DesiredStateType {
    Pending, Running, Stopped;

    @JsonValue
    public int json() {
        return ordinal();
    }

    @JsonCreator
    public static DesiredStateType parse(Object value) {
        if (value instanceof Number n && n.intValue() >= 0 && n.intValue() < values().length) {
            return values()[n.intValue()];
        }
        if (value instanceof String s) {
            for (DesiredStateType t : values()) {
                if (t.name().equalsIgnoreCase(s.trim())) return t;
            }
        }
        throw new IllegalArgumentException("invalid desired state: " + value);
    }
}
