package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.orchestrator.scheduler.Plan;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates a new evaluation in the transaction that creates it, under the job's lock the writer already holds:
 * reads the job's executions, asks the {@link InlineScheduler} for a plan, checks it and writes it. An evaluation
 * so completed is not stored: its plan's effects are, in the same commit, and nothing of it is left to deliver or
 * to recover. Anything that fails before the plan is written (the scheduler throws, the plan is refused), and every
 * evaluation when inline evaluation is off, leaves the transaction as it was and then stores the evaluation pending,
 * queued after commit, exactly as without inline evaluation: the commit holds either the plan's effects or the
 * pending evaluation.
 */
final class InlineEvaluation {
    private static final Logger LOG = Logger.getLogger(InlineEvaluation.class.getName());

    private InlineEvaluation() {
    }

    static void evaluate(EntityManager em, Outbox outbox, Instance<InlineScheduler> schedulers, JobTransaction tx,
                         Evaluation evaluation, Instant now) {
        if (!planned(em, outbox, schedulers, tx, evaluation, now)) tx.addEvaluation(evaluation);
    }

    private static boolean planned(EntityManager em, Outbox outbox, Instance<InlineScheduler> schedulers,
                                   JobTransaction tx, Evaluation evaluation, Instant now) {
        if (!schedulers.isResolvable()) return false;
        InlineScheduler scheduler = schedulers.get();
        if (!scheduler.enabled()) return false;
        long nowNanos = UnixNanos.of(now);
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
            return false;
        }
        checked.write(outbox, now, nowNanos);
        return true;
    }
}
