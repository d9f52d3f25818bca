package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.EvaluationStatus;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.orchestrator.scheduler.Plan;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Applies a queued evaluation's plan in one transaction under the job's row lock ({@link JobTransaction}), or
 * throws {@link StalePlanException} (rolling everything back) when the job or an execution moved on since the
 * snapshot, or {@link IllegalTransitionException} when the plan asks for a move the state model refuses
 * ({@link PlanWrite}). Marks the evaluation complete; the executions' messages and the follow-up evaluations are
 * registered in the outbox and sent after commit.
 */
@Stateless
public class PlanApplier {
    @PersistenceContext(unitName = "orchestrator")
    private EntityManager em;
    @Inject
    Outbox outbox;

    public void apply(Plan plan, Instant now) {
        long nowNanos = UnixNanos.of(now);
        JobTransaction tx = JobTransaction.lock(em, outbox, plan.jobId());
        PlanWrite.check(em, tx, plan, nowNanos).write(outbox, now, nowNanos);
        EvaluationEntity eval = em.find(EvaluationEntity.class, plan.evaluation().id());
        if (eval != null) eval.update(plan.evaluation().withStatus(EvaluationStatus.COMPLETE, "", nowNanos));
    }
}
