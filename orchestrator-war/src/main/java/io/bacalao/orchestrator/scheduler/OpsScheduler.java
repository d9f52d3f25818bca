package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.JobState;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.orchestrator.scheduler.explain.PlacementExplainer;
import io.bacalao.orchestrator.scheduler.explain.PlacementExplanation;
import io.bacalao.orchestrator.scheduler.ranking.NodeSelector;
import io.bacalao.orchestrator.scheduler.ranking.RankingInput;
import io.bacalao.orchestrator.scheduler.ranking.Selection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ops jobs (reference §2.10): once on every matching node, pre-approved, never retried. No matching node and
 * no execution yet fails the job ("not matching nodes to run job …"). The job completes when nothing runs any
 * more and nothing failed, and fails ("Job failed because one or more executions failed") otherwise. Total and
 * Execution timeouts apply.
 */
public final class OpsScheduler implements Scheduler {
    private final NodeSelector selector;

    public OpsScheduler(NodeSelector selector) {
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
        if (Steps.totalTimeoutPassed(ctx, plan)) return plan.build();
        Steps.failTimedOutExecutions(ctx, plan);
        Steps.cancelOldVersions(ctx, plan);
        createMissing(ctx, plan);
        if (plan.jobFailed()) {
            Steps.cancelLive(ctx, plan, StopReasons.JOB_FAILED);
            return plan.build();
        }
        finishWhenNothingRuns(ctx, plan);
        Steps.markRunningIfEligible(ctx, plan, plan.createsRunning());
        return plan.build();
    }

    private void createMissing(SchedulingContext ctx, PlanBuilder plan) {
        List<Execution> planned = ctx.executions().stream().map(plan::planned).toList();
        // every node with a current-version execution has had its run; older versions' live ones still hold theirs
        List<Execution> holding = planned.stream()
                .filter(e -> e.jobVersion() == ctx.job().version() || !e.isTerminal()).toList();
        RankingInput input = RankingInput.of(ctx.job(), planned, ctx.settings().random());
        Selection selection = selector.select(input, ctx.schedulableNodes());
        if (selection.suitable().isEmpty() && holding.isEmpty()) {
            String reason = selection.noMatchingNodesMessage();
            PlacementExplanation why = PlacementExplainer.explain(input, selection, 1, ctx.nodes());
            plan.jobState(new JobState(JobStateType.Failed, reason, why.details()),
                    Event.error(EventTopics.SCHEDULING, reason, ctx.now())
                            .withDetail(PlacementExplanation.NODES_AVAILABLE, String.valueOf(selection.available())));
            return;
        }
        Set<String> taken = holding.stream().map(Execution::nodeId).collect(Collectors.toSet());
        EveryNode.place(ctx, plan, selection, taken);
    }

    private static void finishWhenNothingRuns(SchedulingContext ctx, PlanBuilder plan) {
        boolean live = ctx.executions().stream().map(plan::planned).anyMatch(e -> !e.isTerminal());
        if (live || !plan.newExecutions().isEmpty() || plan.hasFollowUp(EvaluationTrigger.EXEC_LIMIT)) {
            return;
        }
        boolean failed = ctx.currentVersionExecutions().stream().map(plan::planned)
                .anyMatch(e -> e.state() == ExecutionStateType.Failed);
        if (failed) {
            plan.jobState(JobStateType.Failed, StopReasons.EXECUTIONS_FAILED,
                    Event.error(EventTopics.SCHEDULING, StopReasons.EXECUTIONS_FAILED, ctx.now()));
        } else {
            plan.jobState(JobStateType.Completed, "", Event.of(EventTopics.STATE_UPDATE, "Completed", ctx.now())
                    .withDetail(Event.DETAIL_NEW_STATE, "Completed"));
        }
    }
}
