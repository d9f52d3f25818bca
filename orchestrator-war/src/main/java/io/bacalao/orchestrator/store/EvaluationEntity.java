package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationStatus;
import io.bacalao.domain.spec.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A stored evaluation. Pending rows are the truth: sweeps re-deliver those the broker lost. */
@Entity
@Table(name = "ORCH_EVALUATION", indexes = {
        @Index(name = "ORCH_EVALUATION_STATUS", columnList = "STATUS,WAIT_UNTIL"),
        @Index(name = "ORCH_EVALUATION_JOB", columnList = "JOB_ID"),
        // jobs waiting for nodes: pending job-queue evaluations (EvaluationStore.waitingJobs)
        @Index(name = "ORCH_EVALUATION_WAITING", columnList = "STATUS,TRIGGERED_BY"),
        // ended evaluations past their retention (EvaluationStore.purgeEnded)
        @Index(name = "ORCH_EVALUATION_SENT", columnList = "STATUS,SENT_AT")})
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
    /** JSON ({@link JsonColumn}). */
    @Column(name = "JSON", nullable = false, length = JsonColumn.MAX_CHARS)
    private String json;
    /**
     * Processing attempts started, counted before each one (so an attempt the orchestrator did not survive
     * counts too); null in rows written before the column existed. Bounded by
     * {@code Orchestrator.EvaluationBroker.MaxRetryCount}: then the evaluation is dead-lettered.
     */
    @Column(name = "ATTEMPTS")
    private Integer attempts;
    /** How the latest attempt failed (one line, bounded), for the dead-letter reason. */
    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;

    private static final long RETRY_TOLERANCE_NANOS = 100_000_000L;

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

    /**
     * What the sweep hands to the broker, from the columns alone: a row whose JSON cannot be read is still
     * delivered, so that its worker fails it and it ends instead of being skipped forever.
     */
    public Evaluation forDelivery() {
        return new Evaluation(id, "", jobId, triggeredBy, 0, "", EvaluationStatus.PENDING, "", waitUntil, 0, 0);
    }

    /**
     * Whether this delivery comes before the retry a failed attempt scheduled ({@code SENT_AT} is then the retry
     * time): it is a duplicate message (say, one the broker kept across a restart beside the sweep's re-send),
     * and the scheduled retry will come. The tolerance covers the millisecond precision of scheduled delivery.
     */
    public boolean awaitsRetryAfter(long nowNanos) {
        return attempts() > 0 && sentAt - RETRY_TOLERANCE_NANOS > nowNanos;
    }

    /** Counts one more processing attempt and returns the count, this one included. */
    public int startAttempt() {
        attempts = attempts() + 1;
        return attempts;
    }

    public int attempts() {
        return attempts == null ? 0 : attempts;
    }

    public String lastError() {
        return lastError == null ? "" : lastError;
    }

    public void recordFailure(String error) {
        lastError = error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    /**
     * Ends the evaluation ({@code FAILED} or {@code CANCELED}) with a reason. The status column is what sweeps
     * query, so it is set even when the stored JSON cannot be read (the JSON then stays as it was).
     */
    public void end(EvaluationStatus to, String why, long nowNanos) {
        this.status = to.name();
        try {
            this.json = Json.write(toEvaluation().withStatus(to, why, nowNanos));
        } catch (RuntimeException unreadable) {
            // the column is the truth for every query; the unreadable JSON is kept for a person to look at
        }
    }

    public String id() {
        return id;
    }

    public String jobId() {
        return jobId;
    }

    public boolean isPending() {
        return EvaluationStatus.PENDING.name().equals(status);
    }

    public void markSent(long nowNanos) {
        this.sentAt = nowNanos;
    }
}
