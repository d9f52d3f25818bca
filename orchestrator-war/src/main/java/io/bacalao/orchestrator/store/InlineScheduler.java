package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.orchestrator.scheduler.Plan;
import java.time.Instant;
import java.util.List;

/**
 * Plans an evaluation inside the transaction that stored it, where the job's lock is already held (submit,
 * update, rerun, a node's report). Implemented outside the store (the scheduler's side); the writer applies the
 * plan in the same transaction, or leaves the evaluation pending, queued after commit as usual, when planning
 * throws or is switched off ({@code Orchestrator.Scheduler.InlineEvaluation}).
 */
public interface InlineScheduler {
    /** Whether evaluations are planned inline at all. */
    boolean enabled();

    /** The plan for {@code evaluation} of {@code job} with its executions (every version), read under the lock. */
    Plan plan(Job job, List<Execution> executions, Evaluation evaluation, Instant now);
}
