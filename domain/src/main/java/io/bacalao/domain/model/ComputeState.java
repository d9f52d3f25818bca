package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The observed state of an execution, as the compute node last reported it. */
public record ComputeState(
        @JsonProperty("StateType") ExecutionStateType stateType,
        @JsonProperty("Message") @JsonInclude(JsonInclude.Include.NON_EMPTY) String message) {

    public ComputeState {
        stateType = stateType == null ? ExecutionStateType.Undefined : stateType;
        message = message == null ? "" : message;
    }

    public static ComputeState of(ExecutionStateType t) {
        return new ComputeState(t, "");
    }
}
