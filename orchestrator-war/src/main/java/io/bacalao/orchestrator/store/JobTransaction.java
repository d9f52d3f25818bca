package io.bacalao.orchestrator.store;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;

/**
 * The state writer: the one way to change a job, its executions, its history and its evaluations. It holds the
 * job's row lock for the rest of the transaction, refuses the moves the state model does not allow, numbers the
 * history densely, stores evaluations, and registers in the {@link Outbox} every execution change and evaluation,
 * which are sent only after the transaction commits.
 *
 * <p>Used by the store's transactional beans ({@link JobStore}, {@link PlanApplier}, {@link ExecutionReports},
 * {@link JobFailures}, {@link EvaluationStore}); every method needs an active transaction, which the outbox
 * checks on the first registration.
 */
final class JobTransaction {
    private final EntityManager em;
    private final Outbox outbox;
    private final JobEntity row;
    private final boolean locked;
    private Job job;

    private JobTransaction(EntityManager em, Outbox outbox, JobEntity row, Job job, boolean locked) {
        this.em = em;
        this.outbox = outbox;
        this.row = row;
        this.job = job;
        this.locked = locked;
    }

    /** Locks an existing job (404 when unknown) and reads it. */
    static JobTransaction lock(EntityManager em, Outbox outbox, String jobId) {
        return lockIfPresent(em, outbox, jobId)
                .orElseThrow(() -> BacalaoException.notFound(JobStore.COMPONENT, "job not found: " + jobId));
    }

    /** Locks a job if it exists; its JSON is read on first use ({@link #job()}), so an unreadable one can be failed. */
    static Optional<JobTransaction> lockIfPresent(EntityManager em, Outbox outbox, String jobId) {
        JobEntity row = em.find(JobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        return Optional.ofNullable(row).map(r -> new JobTransaction(em, outbox, r, null, true));
    }

    /**
     * A job read without its lock, to which only evaluations may be added ({@link #addEvaluation}): a new
     * evaluation changes nothing of the job, it asks for another look, and the worker takes the lock. Node events
     * evaluate every waiting job at once; locking them all would stall the plan appliers.
     */
    static Optional<JobTransaction> readForEvaluation(EntityManager em, Outbox outbox, String jobId) {
        return Optional.ofNullable(em.find(JobEntity.class, jobId)).map(r -> new JobTransaction(em, outbox, r, null, false));
    }

    /** Stores a new job with its first version and its submission event. */
    static JobTransaction create(EntityManager em, Outbox outbox, Job job, Event event, Instant now) {
        JobEntity row = new JobEntity(job);
        em.persist(row);
        em.persist(new JobVersionEntity(job));
        JobTransaction tx = new JobTransaction(em, outbox, row, job, true);
        tx.history(job.version(), "", event, now);
        return tx;
    }

    Job job() {
        if (job == null) job = row.toJob();
        return job;
    }

    /** Replaces a job whose stored JSON cannot be read by a readable stand-in, keeping the unreadable text. */
    void replaceUnreadable(Job standIn) {
        requireLock();
        row.replaceUnreadable(standIn);
        job = standIn;
    }

    JobEntity row() {
        return row;
    }

    long revision() {
        return row.revision();
    }

    /**
     * Replaces the job: a new version (update, rerun) may start from any state; within a version the state may
     * stay, or move as {@code JobStateType.canTransitionTo} allows.
     */
    void replace(Job next, boolean newVersion) {
        requireLock();
        if (!newVersion) checkJobMove(next.state());
        row.update(next);
        if (newVersion) em.persist(new JobVersionEntity(next));
        job = next;
    }

    /** Moves the job to a new state within its version (bumps its revision). */
    Job changeState(JobState next, long nowNanos) {
        requireLock();
        checkJobMove(next);
        job = job().transitionTo(next, nowNanos);
        row.update(job);
        return job;
    }

    /** Whether the job may move to that state now; staying in its state always may. */
    boolean mayMoveTo(JobState next) {
        var from = job().state().stateType();
        return from == next.stateType() || from.canTransitionTo(next.stateType());
    }

    void checkJobMove(JobState next) {
        if (!mayMoveTo(next)) {
            throw new IllegalTransitionException("job " + row.id() + " cannot move from "
                    + job().state().stateType() + " to " + next.stateType());
        }
    }

    void history(long jobVersion, String executionId, Event event, Instant now) {
        requireLock();
        em.persist(new HistoryEntity(row.id(), row.nextHistorySeq(), jobVersion, executionId, event, now));
    }

    /** Stores a new execution; its node is asked for a bid (or told to run it) after commit. */
    void addExecution(Execution e) {
        requireLock();
        em.persist(new ExecutionEntity(e));
        outbox.add(ExecutionChange.created(e, job()));
    }

    /**
     * Stores an execution's change; the node gets the matching message after commit. A change of the desired
     * state alone is always allowed; a change of the observed state must be one
     * {@code ExecutionStateType.canTransitionTo} allows, or {@link IllegalTransitionException} is thrown.
     */
    void changeExecution(ExecutionEntity executionRow, Execution before, Execution after) {
        requireLock();
        checkExecutionMove(before, after);
        executionRow.update(after);
        outbox.add(ExecutionChange.changed(before, after, job()));
    }

    /** Refuses a change of the observed state that the model does not allow; the desired state may always change. */
    static void checkExecutionMove(Execution before, Execution after) {
        if (before.state() != after.state() && !before.state().canTransitionTo(after.state())) {
            throw new IllegalTransitionException("execution " + before.id() + " cannot move from " + before.state()
                    + " to " + after.state());
        }
    }

    /**
     * A node's report: stored when the model allows the move, ignored (false) when it does not — a repeated
     * report, one that arrives after a later one, or one about a finished execution changes nothing. The node
     * knows what it reported, so nothing is sent to it.
     */
    boolean reportExecution(ExecutionEntity executionRow, Execution before, Execution after) {
        requireLock();
        if (!before.state().canTransitionTo(after.state())) return false;
        executionRow.update(after);
        return true;
    }

    /** An execution whose row cannot be read was ended: its node is told to cancel it after commit. */
    void stopUnreadable(ExecutionEntity executionRow, String reason) {
        requireLock();
        outbox.add(new StopOrder(executionRow.nodeId(), executionRow.id(), row.id(), reason));
    }

    private void requireLock() {
        if (!locked) throw new IllegalStateException("job " + row.id() + " was read without its lock: it cannot be changed");
    }

    /** Stores an evaluation of this job; it is queued for a worker after commit. */
    void addEvaluation(Evaluation e) {
        em.persist(new EvaluationEntity(e));
        outbox.add(e);
    }
}
