package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The state the orchestrator wants an execution in, and why. */
public record DesiredState(
        @JsonProperty("StateType") DesiredStateType stateType,
        @JsonProperty("Message") @JsonInclude(JsonInclude.Include.NON_EMPTY) String message) {

    public DesiredState {
        stateType = stateType == null ? DesiredStateType.Pending : stateType;
        message = message == null ? "" : message;
    }

    public static DesiredState of(DesiredStateType t, String message) {
        return new DesiredState(t, message);
    }

    /** What the orchestrator wants of an execution whose node reported it completed. */
    public static DesiredState completed() {
        return of(DesiredStateType.Stopped, "execution completed");
    }
}
