package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One row of a job's history. SeqNum orders rows of a job and drives the history paging token. */
public record JobHistory(
        @JsonProperty("SeqNum") long seqNum,
        @JsonProperty("Type") HistoryType type,
        @JsonProperty("JobID") String jobId,
        @JsonProperty("JobVersion") long jobVersion,
        @JsonProperty("ExecutionID") @JsonInclude(JsonInclude.Include.NON_EMPTY) String executionId,
        @JsonProperty("Event") Event event,
        @JsonProperty("Time") Instant time) {

    public boolean isJobLevel() {
        return type == HistoryType.JobLevel;
    }
}
