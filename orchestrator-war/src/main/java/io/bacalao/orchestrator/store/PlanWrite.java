package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.ComputeState;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationStatus;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.orchestrator.scheduler.ExecutionUpdate;
import io.bacalao.orchestrator.scheduler.Plan;
import io.bacalao.orchestrator.scheduler.PlannedEvent;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan checked against the job as it is under its lock, ready to be written. {@link #check} throws
 * {@link StalePlanException} when the job or an execution moved on since the snapshot and
 * {@link IllegalTransitionException} when the plan asks for a move the state model refuses — before anything is
 * written, so a refused plan leaves the transaction as it was. {@link #write} then applies all of it.
 */
final class PlanWrite {
    private final EntityManager em;
    private final JobTransaction tx;
    private final Plan plan;
    private final List<ExecutionEntity> rows = new ArrayList<>();
    private final List<Execution> befores = new ArrayList<>();
    private final List<Execution> afters = new ArrayList<>();

    private PlanWrite(EntityManager em, JobTransaction tx, Plan plan) {
        this.em = em;
        this.tx = tx;
        this.plan = plan;
    }

    static PlanWrite check(EntityManager em, JobTransaction tx, Plan plan, long nowNanos) {
        if (tx.revision() != plan.expectedJobRevision()) {
            throw new StalePlanException("job " + plan.jobId() + " is at revision " + tx.revision()
                    + ", the plan expected " + plan.expectedJobRevision());
        }
        PlanWrite w = new PlanWrite(em, tx, plan);
        for (ExecutionUpdate u : plan.updates()) {
            ExecutionEntity row = em.find(ExecutionEntity.class, u.executionId());
            if (row == null || row.revision() != u.expectedRevision()) {
                throw new StalePlanException("execution " + u.executionId() + " changed since the plan was made");
            }
            Execution before = row.toExecution();
            ComputeState compute = u.compute() == null ? before.computeState() : u.compute();
            Execution after = before.transition(u.desired(), compute, nowNanos);
            JobTransaction.checkExecutionMove(before, after);
            w.rows.add(row);
            w.befores.add(before);
            w.afters.add(after);
        }
        if (plan.newJobState() != null) tx.checkJobMove(plan.newJobState());
        return w;
    }

    /**
     * Writes the checked plan and registers what goes out after commit. Its evaluation is the caller's: a queued one
     * is stored and marked complete by {@link PlanApplier}; one made in this transaction ({@link InlineEvaluation})
     * has no row.
     */
    void write(Outbox outbox, Instant now, long nowNanos) {
        for (int i = 0; i < rows.size(); i++) {
            tx.changeExecution(rows.get(i), befores.get(i), afters.get(i));
            ExecutionUpdate u = plan.updates().get(i);
            if (u.event() != null) tx.history(befores.get(i).jobVersion(), u.executionId(), u.event(), now);
        }
        for (Execution e : plan.newExecutions()) tx.addExecution(e);
        Job job = plan.newJobState() != null ? tx.changeState(plan.newJobState(), nowNanos) : tx.job();
        for (PlannedEvent pe : plan.events()) tx.history(job.version(), pe.executionId(), pe.event(), now);
        cancelSupersededQueueRetries(nowNanos);
        for (Evaluation followUp : plan.followUps()) tx.addEvaluation(followUp);
    }

    /**
     * This plan saw the latest state, so every earlier delayed queue retry of the job is moot: it is cancelled
     * (the plan brings its own retry when the job still waits). Without this, each extra evaluation of a waiting
     * job (a node joined, capacity freed) would start one more retry chain.
     */
    private void cancelSupersededQueueRetries(long nowNanos) {
        List<EvaluationEntity> waiting = em.createQuery("select e from EvaluationEntity e where e.jobId = :job"
                        + " and e.status = :pending and e.triggeredBy = :queue and e.id <> :current", EvaluationEntity.class)
                .setParameter("job", plan.jobId()).setParameter("pending", EvaluationStatus.PENDING.name())
                .setParameter("queue", EvaluationTrigger.JOB_QUEUE).setParameter("current", plan.evaluation().id())
                .getResultList();
        for (EvaluationEntity e : waiting) {
            e.update(e.toEvaluation().withStatus(EvaluationStatus.CANCELED, "superseded by " + plan.evaluation().id(),
                    nowNanos));
        }
    }
}
