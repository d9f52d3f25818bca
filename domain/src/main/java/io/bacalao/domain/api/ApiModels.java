package io.bacalao.domain.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobHistory;
import io.bacalao.domain.model.NodeState;
import java.util.List;

/** Request and response bodies of the REST API with Bacalhau's keys, shared by the server and the CLI. */
public final class ApiModels {
    private ApiModels() {
    }

    /** PUT /jobs. The job stays a tree so the server can tell which keys the client sent. */
    public record PutJobRequest(@JsonProperty("Job") JsonNode job, @JsonProperty("Force") boolean force) {
    }

    public record PutJobResponse(@JsonProperty("JobID") String jobId, @JsonProperty("EvaluationID") String evaluationId,
                                 @JsonProperty("Warnings") List<String> warnings) {
    }

    /** A list response: Items and the paging token (empty when no more rows). */
    public record ListResponse<T>(@JsonProperty("Items") List<T> items, @JsonProperty("NextToken") String nextToken) {
        public static <T> ListResponse<T> of(List<T> items) {
            return new ListResponse<>(items, "");
        }
    }

    public record GetJobResponse(@JsonProperty("Job") Job job,
                                 @JsonProperty("History") @JsonInclude(JsonInclude.Include.NON_NULL) ListResponse<JobHistory> history,
                                 @JsonProperty("Executions") @JsonInclude(JsonInclude.Include.NON_NULL) ListResponse<Execution> executions) {
    }

    /** PUT /jobs/diff: the job to compare with the stored job of the same Name. */
    public record DiffJobRequest(@JsonProperty("Job") JsonNode job) {
    }

    /** The differences, one line each, "-" for the stored spec and "+" for the new one; empty when none. */
    public record DiffJobResponse(@JsonProperty("Diff") String diff, @JsonProperty("Warnings") List<String> warnings) {
    }

    /** PUT /jobs/{id}/rerun: the version to run again (0 = the latest) and why. */
    public record RerunJobRequest(@JsonProperty("JobVersion") long jobVersion, @JsonProperty("Reason") String reason) {
    }

    public record RerunJobResponse(@JsonProperty("JobID") String jobId, @JsonProperty("JobVersion") long jobVersion,
                                   @JsonProperty("EvaluationID") String evaluationId,
                                   @JsonProperty("Warnings") List<String> warnings) {
    }

    public record StopJobRequest(@JsonProperty("reason") String reason) {
    }

    public record StopJobResponse(@JsonProperty("EvaluationID") String evaluationId) {
    }

    public record ListNodesResponse(@JsonProperty("NextToken") String nextToken, @JsonProperty("Nodes") List<NodeState> nodes) {
    }

    public record GetNodeResponse(@JsonProperty("Node") NodeState node) {
    }

    /** PUT /nodes/{id}: Action approve|reject|delete with an optional Message; NodeID repeats the path's ID. */
    public record PutNodeRequest(@JsonProperty("Action") String action, @JsonProperty("Message") String message,
                                 @JsonProperty("NodeID") String nodeId) {
    }

    /** Bacalhau answers {"Success":true}; Error is left out when empty. */
    public record PutNodeResponse(@JsonProperty("Success") boolean success,
                                  @JsonProperty("Error") @JsonInclude(JsonInclude.Include.NON_EMPTY) String error) {
    }

    public record AliveResponse(@JsonProperty("Status") String status) {
    }
}
