package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.Execution;
import io.bacalao.orchestrator.scheduler.explain.PlacementExplainer;
import io.bacalao.orchestrator.scheduler.ranking.NodeSelector;
import io.bacalao.orchestrator.scheduler.ranking.RankingInput;
import io.bacalao.orchestrator.scheduler.ranking.Selection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Daemon jobs (reference §2.10): run on every matching node, including nodes that join later, until stopped.
 * Every evaluation creates a pre-approved execution on each matching connected node without a live one, so an
 * execution lost with its node is recreated when the node returns (attempts count from the node's latest
 * connection, see {@link NodeSelector#forDaemons()}). No Count, no timeouts, never Completed; a daemon that
 * fits no node waits Pending with the explanation in its details.
 */
public final class DaemonScheduler implements Scheduler {
    private final NodeSelector selector;

    public DaemonScheduler(NodeSelector selector) {
        this.selector = selector;
    }

    @Override
    public Plan process(SchedulingContext ctx) {
        PlanBuilder plan = new PlanBuilder(ctx);
        if (ctx.job().isTerminal()) {
            Steps.stopAll(ctx, plan);
            return plan.build();
        }
        Steps.failLost(ctx, plan);
        Steps.cancelOldVersions(ctx, plan);
        List<Execution> planned = ctx.executions().stream().map(plan::planned).toList();
        Set<String> taken = planned.stream().filter(e -> !e.isTerminal()).map(Execution::nodeId)
                .collect(Collectors.toSet());
        RankingInput input = RankingInput.of(ctx.job(), planned, ctx.settings().random());
        Selection selection = selector.select(input, ctx.schedulableNodes());
        EveryNode.place(ctx, plan, selection, taken);
        if (taken.isEmpty() && selection.suitable().isEmpty()) {
            Queueing.explainWhileWaiting(ctx, plan, PlacementExplainer.explain(input, selection, 1, ctx.nodes()));
        } else {
            Queueing.clearExplanation(ctx, plan);
        }
        Steps.markRunningIfEligible(ctx, plan, plan.createsRunning());
        return plan.build();
    }
}
