package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.ComputeState;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationStatus;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.orchestrator.scheduler.ExecutionUpdate;
import io.bacalao.orchestrator.scheduler.Plan;
import io.bacalao.orchestrator.scheduler.PlannedEvent;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import io.bacalao.domain.model.EvaluationTrigger;
import java.time.Instant;
import java.util.List;

/**
 * The one writer of scheduler plans. Applies a plan in one transaction under the job's row lock, or throws
 * {@link StalePlanException} (rolling everything back) when the job or an execution moved on since the
 * snapshot. Marks the evaluation complete and returns the messages and evaluations to send after commit.
 */
@Stateless
public class PlanApplier {
    @PersistenceContext(unitName = "orchestrator")
    private EntityManager em;

    public Outbox apply(Plan plan, Instant now) {
        long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        JobEntity jobRow = JobLocks.lock(em, plan.jobId());
        if (jobRow.revision() != plan.expectedJobRevision()) {
            throw new StalePlanException("job " + plan.jobId() + " is at revision " + jobRow.revision()
                    + ", the plan expected " + plan.expectedJobRevision());
        }
        Job job = jobRow.toJob();
        Outbox out = Outbox.empty();
        for (ExecutionUpdate u : plan.updates()) {
            ExecutionEntity row = em.find(ExecutionEntity.class, u.executionId());
            if (row == null || row.revision() != u.expectedRevision()) {
                throw new StalePlanException("execution " + u.executionId() + " changed since the plan was made");
            }
            Execution before = row.toExecution();
            ComputeState compute = u.compute() == null ? before.computeState() : u.compute();
            Execution after = before.transition(u.desired(), compute, nowNanos);
            row.update(after);
            if (u.event() != null) Histories.append(em, jobRow, before.jobVersion(), u.executionId(), u.event(), now);
            ExecutionMessages.forChange(before, after).ifPresent(out::add);
        }
        for (Execution e : plan.newExecutions()) {
            em.persist(new ExecutionEntity(e));
            out.add(ExecutionMessages.forNew(e, job));
        }
        if (plan.newJobState() != null) {
            job = job.transitionTo(plan.newJobState(), nowNanos);
            jobRow.update(job);
        }
        for (PlannedEvent pe : plan.events()) {
            Histories.append(em, jobRow, job.version(), pe.executionId(), pe.event(), now);
        }
        EvaluationEntity eval = em.find(EvaluationEntity.class, plan.evaluation().id());
        if (eval != null) eval.update(plan.evaluation().withStatus(EvaluationStatus.COMPLETE, "", nowNanos));
        cancelSupersededQueueRetries(plan, nowNanos);
        for (Evaluation followUp : plan.followUps()) {
            em.persist(new EvaluationEntity(followUp));
            out.add(followUp);
        }
        return out;
    }

    /**
     * This plan saw the latest state, so every earlier delayed queue retry of the job is moot: it is cancelled
     * (the plan brings its own retry when the job still waits). Without this, each extra evaluation of a waiting
     * job (a node joined, capacity freed) would start one more retry chain.
     */
    private void cancelSupersededQueueRetries(Plan plan, long nowNanos) {
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
