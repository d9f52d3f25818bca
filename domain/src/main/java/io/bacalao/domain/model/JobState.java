package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A job's state with the reason a user can act on (Message) and machine-readable Details. */
public record JobState(
        @JsonProperty("StateType") JobStateType stateType,
        @JsonProperty("Message") @JsonInclude(JsonInclude.Include.NON_EMPTY) String message,
        @JsonProperty("Details") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> details) {

    public JobState {
        if (stateType == null) stateType = JobStateType.Undefined;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static JobState of(JobStateType type) {
        return new JobState(type, null, null);
    }

    public static JobState of(JobStateType type, String message) {
        return new JobState(type, message, null);
    }
}
