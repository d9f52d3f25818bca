package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Task time limits, all in seconds; 0 means "not set". */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record TimeoutConfig(
        @JsonProperty("ExecutionTimeout") long executionTimeout,
        @JsonProperty("QueueTimeout") long queueTimeout,
        @JsonProperty("TotalTimeout") long totalTimeout) {

    public static final TimeoutConfig NONE = new TimeoutConfig(0, 0, 0);

    /** The limit on one execution's run time: ExecutionTimeout, else TotalTimeout, else 0 (none). */
    public long effectiveExecutionTimeout() {
        return executionTimeout > 0 ? executionTimeout : totalTimeout;
    }

    public TimeoutConfig withQueueTimeout(long seconds) {
        return new TimeoutConfig(executionTimeout, seconds, totalTimeout);
    }
}
