package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.config.Durations;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.NodeConnection;
import io.bacalao.domain.model.NodeState;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Steps every job type's scheduler takes (reference §4.2 steps 1-3), each a pure change to the plan. */
final class Steps {
    private Steps() {
    }

    /** Step 1: a stopped or failed job cancels whatever still runs. */
    static void stopAll(SchedulingContext ctx, PlanBuilder plan) {
        String reason = ctx.job().state().stateType() == JobStateType.Failed ? StopReasons.JOB_FAILED : StopReasons.JOB_STOPPED;
        cancelLive(ctx, plan, reason);
    }

    /** Cancels every execution that is not terminal once the plan applies. */
    static void cancelLive(SchedulingContext ctx, PlanBuilder plan, String reason) {
        for (Execution e : ctx.executions()) {
            if (!plan.planned(e).isTerminal()) plan.stop(e, ExecutionStateType.Cancelled, reason);
        }
    }

    /** Step 2: executions on nodes that are gone or disconnected fail ("node has disappeared"). */
    static void failLost(SchedulingContext ctx, PlanBuilder plan) {
        if (ctx.executions().isEmpty()) return;
        Map<String, NodeState> nodes = ctx.nodesById();
        for (Execution e : ctx.executions()) {
            if (e.isTerminal()) continue;
            NodeState n = nodes.get(e.nodeId());
            if (n == null || n.connectionState().status() != NodeConnection.CONNECTED) {
                plan.stop(e, ExecutionStateType.Failed, StopReasons.NODE_LOST);
            }
        }
    }

    /**
     * A batch or ops job whose TotalTimeout (seconds since submission) has passed fails with
     * "Job timed out. Job took longer than <d>" and its executions stop. Returns true when it did.
     */
    static boolean totalTimeoutPassed(SchedulingContext ctx, PlanBuilder plan) {
        long total = ctx.job().task().timeouts().totalTimeout();
        if (total <= 0 || ctx.nowNanos() - ctx.job().createTime() < Duration.ofSeconds(total).toNanos()) return false;
        String message = StopReasons.JOB_TIMED_OUT + ". Job took longer than " + Durations.format(Duration.ofSeconds(total));
        plan.jobState(JobStateType.Failed, message, Event.error(EventTopics.JOB_TIMEOUT, message, ctx.now())
                .withDetail(Event.DETAIL_HINT, StopReasons.TIMEOUT_HINT)
                .withDetail(Event.DETAIL_FAILS_EXECUTION, "true"));
        cancelLive(ctx, plan, StopReasons.JOB_FAILED);
        return true;
    }

    /**
     * Executions that have been executing (approved, running, publishing) since longer than the task's
     * execution timeout (ExecutionTimeout, else TotalTimeout; seconds) fail with "Execution timed out.
     * Execution took longer than <d>", so that the partition may be retried.
     */
    static void failTimedOutExecutions(SchedulingContext ctx, PlanBuilder plan) {
        long seconds = ctx.job().task().timeouts().effectiveExecutionTimeout();
        if (seconds <= 0) return;
        long expiredBefore = ctx.nowNanos() - Duration.ofSeconds(seconds).toNanos();
        String message = StopReasons.EXECUTION_TIMED_OUT + ". Execution took longer than "
                + Durations.format(Duration.ofSeconds(seconds));
        for (Execution e : ctx.executions()) {
            Execution p = plan.planned(e);
            if (p.isTerminal() || !p.state().isExecuting() || e.modifyTime() >= expiredBefore) continue;
            plan.stop(e, ExecutionStateType.Failed, message, Event.error(EventTopics.EXEC_TIMEOUT, message, ctx.now())
                    .withDetail(Event.DETAIL_HINT, StopReasons.TIMEOUT_HINT)
                    .withDetail(Event.DETAIL_FAILS_EXECUTION, "true"));
        }
    }

    /**
     * Step 3, rolling replacement after an update: executions of older versions that were never approved are
     * cancelled at once; approved ones are cancelled at most {@code rate limit} per evaluation, oldest first.
     */
    static void cancelOldVersions(SchedulingContext ctx, PlanBuilder plan) {
        long version = ctx.job().version();
        List<Execution> old = ctx.executions().stream().filter(e -> e.jobVersion() != version)
                .filter(e -> !plan.planned(e).isTerminal()).toList();
        old.stream().filter(e -> e.desired() != DesiredStateType.Running)
                .forEach(e -> plan.stop(e, ExecutionStateType.Cancelled, StopReasons.JOB_UPDATED));
        List<Execution> running = old.stream().filter(e -> e.desired() == DesiredStateType.Running)
                .sorted(Comparator.comparingLong(Execution::createTime).thenComparing(Execution::id)).toList();
        int allowed = RateLimiter.apply(ctx, plan, running.size());
        running.stream().limit(allowed).forEach(e -> plan.stop(e, ExecutionStateType.Cancelled, StopReasons.JOB_UPDATED));
    }

    /** §3.2: a waiting job turns Running when this plan asks an execution to run, unless the plan set its state. */
    static void markRunningIfEligible(SchedulingContext ctx, PlanBuilder plan, boolean approvesOrCreatesRunning) {
        JobStateType before = ctx.job().state().stateType();
        if (!approvesOrCreatesRunning || !before.isWaiting() || plan.jobStateType() != before) return;
        plan.jobState(JobStateType.Running, "", Event.of(EventTopics.STATE_UPDATE, "Running", ctx.now())
                .withDetail(Event.DETAIL_NEW_STATE, "Running"));
    }

    static Evaluation delayed(SchedulingContext ctx, String trigger, Duration delay) {
        return Evaluation.create(ctx.job(), trigger, ctx.nowNanos()).delayedUntil(ctx.nowNanos() + delay.toNanos());
    }
}
