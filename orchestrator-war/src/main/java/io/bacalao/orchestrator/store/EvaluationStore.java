package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Stored evaluations: lookup, and the pending ones a sweep hands to the broker again. */
@Stateless
public class EvaluationStore {
    @PersistenceContext(unitName = "orchestrator")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Evaluation> find(String id) {
        return Optional.ofNullable(em.find(EvaluationEntity.class, id)).map(EvaluationEntity::toEvaluation);
    }

    /**
     * Pending evaluations that are due ({@code WaitUntil <= now}) and were last sent before {@code sentBefore}
     * (both Unix nanoseconds): the broker lost them, or they were never sent. Built from the row's columns
     * ({@link EvaluationEntity#forDelivery}), so one unreadable row cannot stop the others from being re-sent.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Evaluation> due(long nowNanos, long sentBefore, int max) {
        return em.createQuery("select e from EvaluationEntity e where e.status = :pending and e.waitUntil <= :now"
                        + " and e.sentAt < :sentBefore order by e.waitUntil", EvaluationEntity.class)
                .setParameter("pending", EvaluationStatus.PENDING.name()).setParameter("now", nowNanos)
                .setParameter("sentBefore", sentBefore).setMaxResults(max)
                .getResultList().stream().map(EvaluationEntity::forDelivery).toList();
    }

    /** An evaluation being processed: its job and how many attempts have started, this one included. */
    public record Attempt(String evaluationId, String jobId, int number, String lastError) {
    }

    /**
     * Counts the start of a processing attempt in its own transaction, before anything else happens, so that
     * the count survives a failure of the attempt and of the orchestrator. Empty when the evaluation is gone,
     * no longer pending, or waiting for the retry of a failed attempt (all three: a duplicate delivery).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Attempt> startAttempt(String id, long nowNanos) {
        EvaluationEntity e = em.find(EvaluationEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null || !e.isPending() || e.awaitsRetryAfter(nowNanos)) return Optional.empty();
        return Optional.of(new Attempt(id, e.jobId(), e.startAttempt(), e.lastError()));
    }

    /** The attempts counted so far, without starting one. Empty when gone or no longer pending. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Attempt> pendingAttempts(String id) {
        EvaluationEntity e = em.find(EvaluationEntity.class, id);
        if (e == null || !e.isPending()) return Optional.empty();
        return Optional.of(new Attempt(id, e.jobId(), e.attempts(), e.lastError()));
    }

    /**
     * Remembers how an attempt failed (one line) and that the evaluation is handed to the broker again at
     * {@code retryAtNanos}, in its own transaction. Returns what to send (delivered at that time), or empty
     * when the evaluation is gone or no longer pending.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Evaluation> recordFailure(String id, String error, long retryAtNanos) {
        EvaluationEntity e = em.find(EvaluationEntity.class, id);
        if (e == null || !e.isPending()) return Optional.empty();
        e.recordFailure(error);
        e.markSent(retryAtNanos);
        return Optional.of(e.forDelivery().delayedUntil(retryAtNanos));
    }

    /** Hands a pending evaluation to the broker again now (marks it sent); empty when no longer pending. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Evaluation> resend(String id, long nowNanos) {
        EvaluationEntity e = em.find(EvaluationEntity.class, id);
        if (e == null || !e.isPending()) return Optional.empty();
        e.markSent(nowNanos);
        return Optional.of(e.forDelivery());
    }

    public void markSent(List<String> ids, long nowNanos) {
        for (String id : ids) {
            EvaluationEntity e = em.find(EvaluationEntity.class, id);
            if (e != null) e.markSent(nowNanos);
        }
    }

    /**
     * Jobs waiting for nodes: those with a pending {@code job-queue} evaluation (queued, or placed in part and
     * waiting for more). They are evaluated at once when a node joins or capacity frees.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> waitingJobs() {
        return em.createQuery("select distinct e.jobId from EvaluationEntity e where e.status = :pending"
                        + " and e.triggeredBy = :queue", String.class)
                .setParameter("pending", EvaluationStatus.PENDING.name())
                .setParameter("queue", io.bacalao.domain.model.EvaluationTrigger.JOB_QUEUE).getResultList();
    }

    /** Stores a new evaluation for each job (skipping jobs that are gone or finished) and returns them. */
    public List<Evaluation> createFor(List<String> jobIds, String trigger, long nowNanos) {
        List<Evaluation> created = new java.util.ArrayList<>();
        for (String id : jobIds) {
            JobEntity job = em.find(JobEntity.class, id);
            if (job == null) continue;
            var j = job.toJob();
            if (j.isTerminal()) continue;
            Evaluation e = Evaluation.create(j, trigger, nowNanos);
            em.persist(new EvaluationEntity(e));
            created.add(e);
        }
        return created;
    }

    /** Closes an evaluation that needs no plan (its job is gone), so sweeps stop re-sending it. */
    public void close(Evaluation e, EvaluationStatus status, String why, long nowNanos) {
        EvaluationEntity row = em.find(EvaluationEntity.class, e.id());
        if (row != null) row.end(status, why, nowNanos);
    }
}
