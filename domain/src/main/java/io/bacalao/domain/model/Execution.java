package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One attempt to run one partition of a job on one node. DesiredState is what the orchestrator wants,
 * ComputeState what the node reported; they are separate on purpose (reference §3.3).
 */
@JsonPropertyOrder({"ID", "Namespace", "EvalID", "Name", "NodeID", "JobID", "Job", "JobVersion", "AllocatedResources",
        "DesiredState", "ComputeState", "PublishedResult", "RunOutput", "PreviousExecution", "NextExecution",
        "FollowupEvalID", "PartitionIndex", "Revision", "CreateTime", "ModifyTime"})
public record Execution(
        @JsonProperty("ID") String id,
        @JsonProperty("Namespace") String namespace,
        @JsonProperty("EvalID") String evalId,
        @JsonProperty("Name") String name,
        @JsonProperty("NodeID") String nodeId,
        @JsonProperty("JobID") String jobId,
        @JsonProperty("Job") @JsonInclude(JsonInclude.Include.NON_NULL) Job job,
        @JsonProperty("JobVersion") long jobVersion,
        @JsonProperty("AllocatedResources") AllocatedResources allocatedResources,
        @JsonProperty("DesiredState") DesiredState desiredState,
        @JsonProperty("ComputeState") ComputeState computeState,
        @JsonProperty("PublishedResult") SpecConfig publishedResult,
        @JsonProperty("RunOutput") @JsonInclude(JsonInclude.Include.NON_NULL) RunOutput runOutput,
        @JsonProperty("PreviousExecution") String previousExecution,
        @JsonProperty("NextExecution") String nextExecution,
        @JsonProperty("FollowupEvalID") String followupEvalId,
        @JsonProperty("PartitionIndex") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int partitionIndex,
        @JsonProperty("Revision") long revision,
        @JsonProperty("CreateTime") long createTime,
        @JsonProperty("ModifyTime") long modifyTime) {

    /**
     * The desired state's message of an execution placed pre-approved (created to run without a separate approval)
     * whose node's acceptance is not recorded yet (docs/state-writer.md, "Pre-approved placements").
     */
    public static final String PRE_APPROVED = "execution pre-approved";

    public Execution {
        namespace = namespace == null ? "" : namespace;
        evalId = evalId == null ? "" : evalId;
        name = name == null ? "" : name;
        nodeId = nodeId == null ? "" : nodeId;
        allocatedResources = allocatedResources == null ? new AllocatedResources(null) : allocatedResources;
        desiredState = desiredState == null ? DesiredState.of(DesiredStateType.Pending, "") : desiredState;
        computeState = computeState == null ? ComputeState.of(ExecutionStateType.New) : computeState;
        publishedResult = publishedResult == null ? SpecConfig.of("") : publishedResult;
        previousExecution = previousExecution == null ? "" : previousExecution;
        nextExecution = nextExecution == null ? "" : nextExecution;
        followupEvalId = followupEvalId == null ? "" : followupEvalId;
    }

    /** A new execution as the scheduler creates it: New, with the given desired state. */
    public static Execution create(String id, Job job, String nodeId, String evalId, int partition,
                                   DesiredState desired, AllocatedResources allocated, long nowNanos) {
        return new Execution(id, job.namespace(), evalId, "", nodeId, job.id(), null, job.version(), allocated,
                desired, ComputeState.of(ExecutionStateType.New), null, null, null, null, null, partition, 1,
                nowNanos, nowNanos);
    }

    @JsonIgnore
    public ExecutionStateType state() {
        return computeState.stateType();
    }

    @JsonIgnore
    public DesiredStateType desired() {
        return desiredState.stateType();
    }

    /** Terminal when the node reported a final state or the orchestrator wants it stopped. */
    @JsonIgnore
    public boolean isTerminal() {
        return state().isTerminal() || desired() == DesiredStateType.Stopped;
    }

    /** Placed pre-approved and its node's acceptance not recorded as the approval yet ({@link #PRE_APPROVED}). */
    @JsonIgnore
    public boolean isPreApprovedPlacement() {
        return desired() == DesiredStateType.Running && PRE_APPROVED.equals(desiredState.message());
    }

    /** Placed pre-approved, and its node has reported nothing yet. */
    @JsonIgnore
    public boolean awaitsPreApprovedBid() {
        return isPreApprovedPlacement() && (state() == ExecutionStateType.New || state() == ExecutionStateType.AskForBid);
    }

    @JsonIgnore
    public boolean isDiscarded() {
        return state().isDiscarded();
    }

    @JsonIgnore
    public String shortId() {
        return Ids.shortId(id);
    }

    public Execution withJob(Job j) {
        return new Execution(id, namespace, evalId, name, nodeId, jobId, j, jobVersion, allocatedResources,
                desiredState, computeState, publishedResult, runOutput, previousExecution, nextExecution,
                followupEvalId, partitionIndex, revision, createTime, modifyTime);
    }

    /** A change of desired and/or observed state; bumps revision and modify time. */
    public Execution transition(DesiredState desired, ComputeState compute, long nowNanos) {
        return new Execution(id, namespace, evalId, name, nodeId, jobId, job, jobVersion, allocatedResources,
                desired, compute, publishedResult, runOutput, previousExecution, nextExecution,
                followupEvalId, partitionIndex, revision + 1, createTime, nowNanos);
    }

    /** The node's final report: results, output and the terminal state. */
    public Execution finish(ComputeState compute, DesiredState desired, SpecConfig published, RunOutput output,
                            long nowNanos) {
        return new Execution(id, namespace, evalId, name, nodeId, jobId, job, jobVersion, allocatedResources,
                desired, compute, published, output, previousExecution, nextExecution,
                followupEvalId, partitionIndex, revision + 1, createTime, nowNanos);
    }

    public Execution withAllocatedResources(AllocatedResources a) {
        return new Execution(id, namespace, evalId, name, nodeId, jobId, job, jobVersion, a,
                desiredState, computeState, publishedResult, runOutput, previousExecution, nextExecution,
                followupEvalId, partitionIndex, revision, createTime, modifyTime);
    }
}
