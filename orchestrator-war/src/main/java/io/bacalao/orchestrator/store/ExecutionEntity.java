package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.spec.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** An execution as JSON plus its queryable columns. Changed only under its job's row lock. */
@Entity
@Table(name = "ORCH_EXECUTION", indexes = {
        @Index(name = "ORCH_EXECUTION_JOB", columnList = "JOB_ID"),
        @Index(name = "ORCH_EXECUTION_NODE", columnList = "NODE_ID,COMPUTE_STATE"),
        // the sweep for executions awaiting their node's answer (JobStore.awaitingNode)
        @Index(name = "ORCH_EXECUTION_STATE", columnList = "COMPUTE_STATE,MODIFY_TIME")})
public class ExecutionEntity {
    @Id
    @Column(name = "ID", length = 64)
    private String id;
    @Column(name = "JOB_ID", length = 64, nullable = false)
    private String jobId;
    @Column(name = "NODE_ID", length = 128, nullable = false)
    private String nodeId;
    @Column(name = "JOB_VERSION", nullable = false)
    private long jobVersion;
    @Column(name = "DESIRED_STATE", nullable = false)
    private int desiredState;
    @Column(name = "COMPUTE_STATE", nullable = false)
    private int computeState;
    @Column(name = "REVISION", nullable = false)
    private long revision;
    @Column(name = "CREATE_TIME", nullable = false)
    private long createTime;
    @Column(name = "MODIFY_TIME", nullable = false)
    private long modifyTime;
    /** JSON ({@link JsonColumn}). */
    @Column(name = "JSON", nullable = false, length = JsonColumn.MAX_CHARS)
    private String json;

    protected ExecutionEntity() {
    }

    public ExecutionEntity(Execution e) {
        this.id = e.id();
        this.jobId = e.jobId();
        this.nodeId = e.nodeId();
        this.jobVersion = e.jobVersion();
        update(e);
    }

    public final void update(Execution e) {
        this.desiredState = e.desired().ordinal();
        this.computeState = e.state().ordinal();
        this.revision = e.revision();
        this.createTime = e.createTime();
        this.modifyTime = e.modifyTime();
        this.json = Json.write(e.withJob(null));
    }

    public Execution toExecution() {
        return Json.read(json, Execution.class);
    }

    /**
     * Ends an execution whose JSON cannot be read, through its state columns only (the ones every query
     * filters on), so that no sweep picks it up again; the JSON stays as it was for a person to look at.
     * Returns whether it was still live (its node may still run it and needs a cancel).
     */
    boolean endUnreadable(long nowNanos) {
        boolean nodeDone = computeState >= 0 && computeState < ExecutionStateType.values().length
                && ExecutionStateType.values()[computeState].isTerminal();
        if (nodeDone && desiredState == DesiredStateType.Stopped.ordinal()) return false;
        this.desiredState = DesiredStateType.Stopped.ordinal();
        if (!nodeDone) this.computeState = ExecutionStateType.Failed.ordinal();
        this.revision++;
        this.modifyTime = nowNanos;
        return !nodeDone;
    }

    String id() {
        return id;
    }

    String nodeId() {
        return nodeId;
    }

    String jobId() {
        return jobId;
    }

    public long revision() {
        return revision;
    }
}
