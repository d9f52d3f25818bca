package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationStatus;
import io.bacalao.domain.spec.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A stored evaluation. Pending rows are the truth: sweeps re-deliver those the broker lost. */
@Entity
@Table(name = "ORCH_EVALUATION", indexes = {
        @Index(name = "ORCH_EVALUATION_STATUS", columnList = "STATUS,WAIT_UNTIL"),
        @Index(name = "ORCH_EVALUATION_JOB", columnList = "JOB_ID")})
public class EvaluationEntity {
    @Id
    @Column(name = "ID", length = 64)
    private String id;
    @Column(name = "JOB_ID", length = 64, nullable = false)
    private String jobId;
    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;
    @Column(name = "WAIT_UNTIL", nullable = false)
    private long waitUntil;
    /** When the evaluation was (or is due to be) handed to the broker, Unix nanoseconds. */
    @Column(name = "SENT_AT", nullable = false)
    private long sentAt;
    /** Evaluation.TriggeredBy, for finding waiting jobs (those with a pending {@code job-queue} evaluation). */
    @Column(name = "TRIGGERED_BY", length = 32)
    private String triggeredBy;
    @Lob
    @Column(name = "JSON", nullable = false)
    private String json;

    protected EvaluationEntity() {
    }

    public EvaluationEntity(Evaluation e) {
        this.id = e.id();
        this.jobId = e.jobId();
        this.sentAt = Math.max(e.createTime(), e.waitUntil());
        update(e);
    }

    public final void update(Evaluation e) {
        this.status = e.status().name();
        this.triggeredBy = e.triggeredBy();
        this.waitUntil = e.waitUntil();
        this.json = Json.write(e);
    }

    public Evaluation toEvaluation() {
        return Json.read(json, Evaluation.class);
    }

    public boolean isPending() {
        return EvaluationStatus.PENDING.name().equals(status);
    }

    public void markSent(long nowNanos) {
        this.sentAt = nowNanos;
    }
}
