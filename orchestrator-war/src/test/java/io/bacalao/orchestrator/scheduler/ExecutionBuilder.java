package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.ComputeState;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.UnixNanos;
import java.time.Duration;
import java.time.Instant;

/**
 * An existing execution for scenarios: {@code anExecution(1).onNode(2).partition(0).state(Running)}; its ID is
 * {@code e-00000001-…}. The desired state follows the observed one unless set: Stopped once terminal, Running once
 * approved, Pending before. The job version defaults to the scenario job's.
 */
public final class ExecutionBuilder {
    private final String id;
    private String nodeId = NodeBuilder.nodeId(1);
    private int partition;
    private ExecutionStateType state = ExecutionStateType.New;
    private DesiredStateType desired;
    private String desiredMessage = "";
    private Long version;
    private Duration age = Duration.ofMinutes(1);
    private Duration created;

    private ExecutionBuilder(String id) {
        this.id = id;
    }

    public static ExecutionBuilder anExecution(int number) {
        return new ExecutionBuilder(executionId(number));
    }

    public static String executionId(int number) {
        return String.format("e-%08d-0000-4000-8000-000000000000", number);
    }

    public String id() {
        return id;
    }

    public ExecutionBuilder onNode(int number) {
        return onNode(NodeBuilder.nodeId(number));
    }

    public ExecutionBuilder onNode(String node) {
        nodeId = node;
        return this;
    }

    public ExecutionBuilder partition(int p) {
        partition = p;
        return this;
    }

    public ExecutionBuilder state(ExecutionStateType s) {
        state = s;
        return this;
    }

    public ExecutionBuilder desired(DesiredStateType d) {
        desired = d;
        return this;
    }

    /** Placed pre-approved (desired Running, not yet recorded as approved), whatever its observed state. */
    public ExecutionBuilder preApproved() {
        desired = DesiredStateType.Running;
        desiredMessage = Execution.PRE_APPROVED;
        return this;
    }

    public ExecutionBuilder version(long v) {
        version = v;
        return this;
    }

    /** How long before "now" the execution last changed (bids are approved oldest first). */
    public ExecutionBuilder modifiedAgo(Duration d) {
        age = d;
        return this;
    }

    /** How long before "now" the execution was created (defaults to when it last changed). */
    public ExecutionBuilder createdAgo(Duration d) {
        created = d;
        return this;
    }

    public Execution build(Job job, Instant now) {
        long modified = UnixNanos.of(now.minus(age));
        long createdAt = created == null ? modified : UnixNanos.of(now.minus(created));
        return new Execution(id, job.namespace(), "eval-0", "", nodeId, job.id(), null,
                version == null ? job.version() : version, AllocatedResources.of("main", Resources.ZERO),
                DesiredState.of(desired == null ? defaultDesired() : desired, desiredMessage), ComputeState.of(state), null, null,
                null, null, null, partition, 3, createdAt, modified);
    }

    private DesiredStateType defaultDesired() {
        if (state.isTerminal()) return DesiredStateType.Stopped;
        return state.isExecuting() ? DesiredStateType.Running : DesiredStateType.Pending;
    }
}
