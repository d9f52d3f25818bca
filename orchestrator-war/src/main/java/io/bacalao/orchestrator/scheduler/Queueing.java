package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.JobState;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.orchestrator.scheduler.explain.PlacementExplainer;
import io.bacalao.orchestrator.scheduler.explain.PlacementExplanation;
import io.bacalao.orchestrator.scheduler.ranking.RankingInput;
import io.bacalao.orchestrator.scheduler.ranking.Selection;
import java.time.Duration;

/**
 * What a batch or service job does when fewer nodes fit than it needs (reference §3.2). While its queue
 * timeout allows, it waits: it keeps the nodes that fit, is evaluated again after
 * {@code Orchestrator.Scheduler.QueueBackoff} (sooner when the queue time runs out first), and is Queued when
 * no node fits at all. Otherwise it fails with Bacalhau's not-enough-nodes message. Either way the job's
 * {@code State.Details} explain per node why it does not fit and what would make it fit.
 */
final class Queueing {
    private Queueing() {
    }

    /** Returns true when the job waits (the nodes that fit may be used), false when it failed. */
    static boolean waitOrFail(SchedulingContext ctx, PlanBuilder plan, RankingInput input, Selection selection,
                              int requested) {
        String reason = selection.notEnoughNodesMessage(requested);
        PlacementExplanation why = PlacementExplainer.explain(input, selection, requested, ctx.nodes());
        Duration queueTimeout = queueTimeout(ctx);
        Duration waited = Duration.ofNanos(Math.max(0, ctx.nowNanos() - ctx.job().createTime()));
        if (queueTimeout.isZero() || waited.compareTo(queueTimeout) >= 0) {
            Event event = Event.error(EventTopics.SCHEDULING, reason, ctx.now());
            for (var d : why.details().entrySet()) {
                if (!d.getKey().equals(PlacementExplanation.WHY)) event = event.withDetail(d.getKey(), d.getValue());
            }
            plan.jobState(new JobState(JobStateType.Failed, reason, why.details()), event);
            Steps.cancelLive(ctx, plan, StopReasons.JOB_FAILED);
            return false;
        }
        if (selection.suitable().isEmpty() && queueable(ctx)) {
            String message = "Job queued. " + reason;
            plan.jobState(new JobState(JobStateType.Queued, message, why.details()),
                    Event.of(EventTopics.QUEUEING, message, ctx.now()));
        } else {
            explainWhileWaiting(ctx, plan, why);
        }
        Duration backoff = ctx.settings().queueBackoff();
        Duration left = queueTimeout.minus(waited);
        plan.followUp(Steps.delayed(ctx, EvaluationTrigger.JOB_QUEUE, backoff.compareTo(left) < 0 ? backoff : left));
        return true;
    }

    /** A waiting (Pending or Queued) job keeps its state and message but gets the explanation as its details. */
    static void explainWhileWaiting(SchedulingContext ctx, PlanBuilder plan, PlacementExplanation why) {
        JobState current = plan.jobStateAfter();
        if (!current.stateType().isWaiting() || why.details().equals(current.details())) return;
        plan.jobState(new JobState(current.stateType(), current.message(), why.details()), null);
    }

    /** Drops a stale explanation from a waiting job once nothing is missing any more. */
    static void clearExplanation(SchedulingContext ctx, PlanBuilder plan) {
        JobState current = plan.jobStateAfter();
        if (!current.stateType().isWaiting() || current.details().isEmpty()) return;
        plan.jobState(new JobState(current.stateType(), current.message(), null), null);
    }

    /** §3.2: only a fully unplaceable job is Queued, and only when Running or on its first (job-register) evaluation. */
    private static boolean queueable(SchedulingContext ctx) {
        JobStateType current = ctx.job().state().stateType();
        return current == JobStateType.Running
                || current == JobStateType.Pending && EvaluationTrigger.JOB_REGISTER.equals(ctx.evaluation().triggeredBy());
    }

    /** QueueTimeout of the spec (seconds), else the orchestrator's default for the job's type. */
    static Duration queueTimeout(SchedulingContext ctx) {
        long spec = ctx.job().task().timeouts().queueTimeout();
        return spec > 0 ? Duration.ofSeconds(spec) : ctx.settings().defaultQueueTimeout(ctx.job().jobType());
    }
}
