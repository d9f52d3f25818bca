package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** How a job is scheduled (reference §2.10). JSON is the lower-case name. */
public enum JobType {
    BATCH, SERVICE, OPS, DAEMON;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Service and daemon jobs run until stopped: no timeouts, never Completed. */
    public boolean isLongRunning() {
        return this == SERVICE || this == DAEMON;
    }

    /** Ops and daemon jobs run on every matching node, so Count is not theirs to choose. */
    public boolean runsOnAllNodes() {
        return this == OPS || this == DAEMON;
    }

    public static Optional<JobType> find(String value) {
        if (value == null) return Optional.empty();
        for (JobType t : values()) {
            if (t.json().equalsIgnoreCase(value.trim())) return Optional.of(t);
        }
        return Optional.empty();
    }
}
