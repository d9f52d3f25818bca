package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.Execution;
import io.bacalao.orchestrator.scheduler.Plan;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates a just-stored evaluation in the same transaction, under the job's lock the writer already holds:
 * reads the job's executions, asks the {@link InlineScheduler} for a plan, checks it and writes it. Anything that
 * fails before the plan is written (the scheduler throws, the plan is refused) leaves the transaction as it was:
 * the evaluation stays pending and is queued after commit, exactly as without inline evaluation. The evaluation
 * row is the truth either way: complete with its plan's effects, or pending and queued, in one commit.
 */
final class InlineEvaluation {
    private static final Logger LOG = Logger.getLogger(InlineEvaluation.class.getName());

    private InlineEvaluation() {
    }

    static void run(EntityManager em, Outbox outbox, Instance<InlineScheduler> schedulers, JobTransaction tx,
                    Evaluation evaluation, Instant now) {
        if (!schedulers.isResolvable()) return;
        InlineScheduler scheduler = schedulers.get();
        if (!scheduler.enabled()) return;
        long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        PlanWrite checked;
        try {
            List<Execution> executions = em.createQuery("select e from ExecutionEntity e where e.jobId = :job",
                            ExecutionEntity.class).setParameter("job", tx.row().id()).getResultList().stream()
                    .map(ExecutionEntity::toExecution).toList();
            Plan plan = scheduler.plan(tx.job(), executions, evaluation, now);
            checked = PlanWrite.check(em, tx, plan, nowNanos);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.FINE, "inline evaluation " + evaluation.id() + " of job " + evaluation.jobId()
                    + " left to the queue: " + e, e);
            return;
        }
        checked.write(outbox, now, nowNanos);
    }
}
