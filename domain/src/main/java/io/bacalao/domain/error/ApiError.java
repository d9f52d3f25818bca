package io.bacalao.domain.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Bacalhau's error body, returned with every non-2xx API response (reference §1.2). */
public record ApiError(
        @JsonProperty("Status") int status,
        @JsonProperty("Message") String message,
        @JsonProperty("RequestID") String requestId,
        @JsonProperty("Code") String code,
        @JsonProperty("Component") String component,
        @JsonProperty("Hint") @JsonInclude(JsonInclude.Include.NON_EMPTY) String hint,
        @JsonProperty("Details") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> details) {
}
