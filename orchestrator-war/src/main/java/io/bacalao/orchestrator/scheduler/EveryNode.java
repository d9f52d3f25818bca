package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.orchestrator.scheduler.ranking.RankedNode;
import io.bacalao.orchestrator.scheduler.ranking.Selection;
import java.util.List;
import java.util.Set;

/**
 * Placement for the job types that run on every matching node (ops, daemon): one execution per matching node
 * that has none yet, created with DesiredState Running so that the node runs it as soon as it accepts
 * (a pre-approved bid, reference §3.3), at most the rate limit per evaluation.
 */
final class EveryNode {
    private EveryNode() {
    }

    /** Creates executions on the suitable nodes not in {@code taken}; returns how many. */
    static int place(SchedulingContext ctx, PlanBuilder plan, Selection selection, Set<String> taken) {
        Job job = ctx.job();
        List<RankedNode> fresh = selection.suitable().stream().filter(r -> !taken.contains(r.node().id())).toList();
        int count = RateLimiter.apply(ctx, plan, fresh.size());
        Resources request = Resources.parse(job.task().resources());
        for (int i = 0; i < count; i++) {
            var node = fresh.get(i).node();
            Execution e = Execution.create(Ids.newExecutionId(), job, node.id(), ctx.evaluation().id(), 0,
                    DesiredState.of(DesiredStateType.Running, ""), AllocatedResources.of(job.task().name(), request),
                    ctx.nowNanos());
            plan.create(e, PartitionScheduler.requestedOn(ctx, node));
        }
        return count;
    }
}
