package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
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
    @Inject
    Outbox outbox;

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
     * Remembers how an attempt failed (one line) and hands the evaluation to the broker again, delivered at
     * {@code retryAtNanos}, in its own transaction (sent after its commit). Returns whether it did: false when
     * the evaluation is gone or no longer pending.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recordFailure(String id, String error, long retryAtNanos) {
        EvaluationEntity e = em.find(EvaluationEntity.class, id);
        if (e == null || !e.isPending()) return false;
        e.recordFailure(error);
        e.markSent(retryAtNanos);
        outbox.add(e.forDelivery().delayedUntil(retryAtNanos));
        return true;
    }

    /** Hands a pending evaluation to the broker again now (marks it sent); false when no longer pending. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean resend(String id, long nowNanos) {
        EvaluationEntity e = em.find(EvaluationEntity.class, id);
        if (e == null || !e.isPending()) return false;
        e.markSent(nowNanos);
        outbox.add(e.forDelivery());
        return true;
    }

    /**
     * The sweep: marks the {@link #due} evaluations sent (so the next page comes up next) and hands to the broker
     * again, after commit, those that {@code resend} accepts (the others are still queued in the broker, as far as
     * the sweep's backoff believes). Returns how many were due.
     */
    public int resendDue(long nowNanos, long sentBefore, int max, java.util.function.Predicate<String> resend) {
        List<Evaluation> due = due(nowNanos, sentBefore, max);
        for (Evaluation d : due) {
            EvaluationEntity e = em.find(EvaluationEntity.class, d.id());
            if (e != null) e.markSent(nowNanos);
            if (resend.test(d.id())) outbox.add(d);
        }
        return due.size();
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

    /**
     * Stores a new evaluation for each job (skipping jobs that are gone or finished), queued after commit. Takes
     * no job lock ({@link JobTransaction#readForEvaluation}). Returns them.
     */
    public List<Evaluation> createFor(List<String> jobIds, String trigger, long nowNanos) {
        List<Evaluation> created = new java.util.ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(jobIds)) {
            Optional<JobTransaction> tx = JobTransaction.readForEvaluation(em, outbox, id);
            if (tx.isEmpty() || tx.get().job().isTerminal()) continue;
            Evaluation e = Evaluation.create(tx.get().job(), trigger, nowNanos);
            tx.get().addEvaluation(e);
            created.add(e);
        }
        return created;
    }

    /**
     * As {@link #createFor}, for jobs that may fit now that capacity appeared, skipping each job that has a pending
     * evaluation due now whose processing has not started: that one will see the new capacity. Returns them.
     */
    public List<Evaluation> createForWaiting(List<String> jobIds, String trigger, long nowNanos) {
        java.util.Set<String> covered = new java.util.HashSet<>(em.createQuery("select e.jobId from EvaluationEntity e"
                        + " where e.status = :pending and e.waitUntil <= :now and (e.attempts is null or e.attempts = 0)",
                        String.class)
                .setParameter("pending", EvaluationStatus.PENDING.name()).setParameter("now", nowNanos).getResultList());
        return createFor(jobIds.stream().filter(id -> !covered.contains(id)).toList(), trigger, nowNanos);
    }

    /** Statuses of evaluations that will never be processed again. */
    static final List<String> ENDED = List.of(EvaluationStatus.COMPLETE.name(), EvaluationStatus.FAILED.name(),
            EvaluationStatus.CANCELED.name());

    /**
     * Deletes up to {@code max} evaluations that ended and were last handed to the broker before {@code sentBefore}
     * (Unix nanoseconds; an evaluation ends within one processing of its last send, so this is its end give or take
     * that). Pending and blocked ones are never touched: they are the truth the sweeps work from. Returns how many.
     */
    public int purgeEnded(long sentBefore, int max) {
        List<String> ids = em.createQuery("select e.id from EvaluationEntity e where e.status in :ended"
                        + " and e.sentAt < :before", String.class)
                .setParameter("ended", ENDED).setParameter("before", sentBefore).setMaxResults(max).getResultList();
        if (ids.isEmpty()) return 0;
        return em.createQuery("delete from EvaluationEntity e where e.id in :ids and e.status in :ended")
                .setParameter("ids", ids).setParameter("ended", ENDED).executeUpdate();
    }

    /** Closes an evaluation that needs no plan (its job is gone), so sweeps stop re-sending it. */
    public void close(Evaluation e, EvaluationStatus status, String why, long nowNanos) {
        EvaluationEntity row = em.find(EvaluationEntity.class, e.id());
        if (row != null) row.end(status, why, nowNanos);
    }
}
