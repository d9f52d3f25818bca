package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.ComputeState;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.EvaluationStatus;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobState;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.orchestrator.scheduler.StopReasons;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fails a job from outside the scheduler: when its evaluation is dead-lettered (its processing kept failing),
 * or when a sweep finds the job's stored data unusable. One transaction under the job's row lock, so it
 * serialises with the plan applier: the job becomes {@code Failed} with the reason in State.Message and a
 * history event, its live executions are stopped (their nodes get a cancel after commit), and its other
 * pending evaluations are cancelled, so that nothing waits on it any more.
 *
 * <p>A job whose stored JSON cannot be read is given a readable stand-in (its submitted spec of the same
 * version when that can be read, else its ID, name and namespace from the row's columns), and the unreadable
 * text moves to {@code ORCH_JOB.DAMAGED_JSON}; the API then shows it Failed with the reason, and nothing is lost.
 */
@Stateless
public class JobFailures {
    static final String DAMAGED = "; the stored job could not be read, its text is kept in ORCH_JOB.DAMAGED_JSON";

    @PersistenceContext(unitName = "orchestrator")
    private EntityManager em;
    @Inject
    Outbox outbox;

    /**
     * Dead-letters a pending evaluation: it ends {@code FAILED} with {@code reason} (so no sweep re-sends it)
     * and its job fails with the same reason; the cancels go out after commit. Does nothing when the evaluation
     * is gone or no longer pending.
     */
    public void deadLetter(String evaluationId, String reason, Instant now) {
        EvaluationEntity eval = em.find(EvaluationEntity.class, evaluationId);
        if (eval == null || !eval.isPending()) return;
        Optional<JobTransaction> tx = JobTransaction.lockIfPresent(em, outbox, eval.jobId());
        em.refresh(eval, LockModeType.PESSIMISTIC_WRITE);
        if (!eval.isPending()) return;
        eval.recordFailure(reason);
        eval.end(EvaluationStatus.FAILED, reason, UnixNanos.of(now));
        tx.ifPresent(t -> fail(t, reason, now));
    }

    /** Fails the job (see the class comment); a job that is gone or already ended only loses its pending work. */
    public void failJob(String jobId, String reason, Instant now) {
        JobTransaction.lockIfPresent(em, outbox, jobId).ifPresent(t -> fail(t, reason, now));
    }

    private void fail(JobTransaction tx, String reason, Instant now) {
        long nowNanos = UnixNanos.of(now);
        boolean damaged = false;
        try {
            tx.job();
        } catch (RuntimeException unreadable) {
            tx.replaceUnreadable(standIn(tx.row()));
            damaged = true;
        }
        String message = damaged ? reason + DAMAGED : reason;
        JobState failed = JobState.of(JobStateType.Failed, message);
        if (tx.job().state().stateType().canTransitionTo(JobStateType.Failed)) {
            Job job = tx.changeState(failed, nowNanos);
            tx.history(job.version(), "", Event.error(EventTopics.SCHEDULING, message, now), now);
        }
        stopExecutions(tx, now);
        cancelPendingEvaluations(tx.row().id(), "job failed: " + reason, nowNanos);
    }

    /** The job as far as it can be known without its JSON; its state comes from the STATE column. */
    private Job standIn(JobEntity row) {
        JobStateType state;
        try {
            state = JobStateType.valueOf(row.stateColumn());
        } catch (IllegalArgumentException e) {
            state = JobStateType.Pending;
        }
        JobState s = JobState.of(state);
        JobVersionEntity submitted = em.find(JobVersionEntity.class, row.id() + "#" + row.version());
        if (submitted != null) {
            try {
                return submitted.toJob().withBookkeeping(s, row.version(), row.revision(), row.createTime(),
                        row.modifyTime());
            } catch (RuntimeException unreadableToo) {
                // fall through to the columns
            }
        }
        return new Job(row.id(), row.name(), row.namespace(), "", 0, 0, null, null, null, null, s, row.version(),
                row.revision(), row.createTime(), row.modifyTime());
    }

    /** Stops every execution that is still live, as the scheduler does for a failed job. */
    private void stopExecutions(JobTransaction tx, Instant now) {
        long nowNanos = UnixNanos.of(now);
        long jobVersion = tx.job().version();
        List<ExecutionEntity> rows = em.createQuery("select e from ExecutionEntity e where e.jobId = :job",
                ExecutionEntity.class).setParameter("job", tx.row().id()).getResultList();
        for (ExecutionEntity row : rows) {
            Execution before;
            try {
                before = row.toExecution();
            } catch (RuntimeException unreadable) {
                if (row.endUnreadable(nowNanos)) tx.stopUnreadable(row, StopReasons.JOB_FAILED);
                continue;
            }
            if (before.isTerminal()) continue;
            tx.changeExecution(row, before, before.transition(
                    DesiredState.of(DesiredStateType.Stopped, StopReasons.JOB_FAILED),
                    new ComputeState(ExecutionStateType.Cancelled, StopReasons.JOB_FAILED), nowNanos));
            tx.history(jobVersion, row.id(), Event.of(EventTopics.EXECUTION, StopReasons.JOB_FAILED, now), now);
        }
    }

    private void cancelPendingEvaluations(String jobId, String why, long nowNanos) {
        em.createQuery("select e from EvaluationEntity e where e.jobId = :job and e.status = :pending",
                        EvaluationEntity.class)
                .setParameter("job", jobId).setParameter("pending", EvaluationStatus.PENDING.name())
                .getResultList().forEach(e -> e.end(EvaluationStatus.CANCELED, why, nowNanos));
    }
}
