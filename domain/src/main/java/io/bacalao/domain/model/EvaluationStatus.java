package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Lifecycle of an evaluation; JSON is the lower-case name. */
public enum EvaluationStatus {
    PENDING, BLOCKED, COMPLETE, FAILED, CANCELED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
