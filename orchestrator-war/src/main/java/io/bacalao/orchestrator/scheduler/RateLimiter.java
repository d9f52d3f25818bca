package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.EvaluationTrigger;

/**
 * Bacalhau's execution rate limiter (reference §4.2): one evaluation creates at most
 * {@code maxNewExecutionsPerEvaluation} executions (and separately cancels at most as many old-version ones);
 * when it holds some back, the plan gets one {@code exec-limit} follow-up after {@code rateLimitBackoff}.
 */
final class RateLimiter {
    private RateLimiter() {
    }

    /** How many of {@code needed} this evaluation may do. */
    static int apply(SchedulingContext ctx, PlanBuilder plan, int needed) {
        int max = ctx.settings().maxNewExecutionsPerEvaluation();
        if (max <= 0 || needed <= max) return needed;
        if (!plan.hasFollowUp(EvaluationTrigger.EXEC_LIMIT)) {
            plan.followUp(Steps.delayed(ctx, EvaluationTrigger.EXEC_LIMIT, ctx.settings().rateLimitBackoff()));
        }
        return max;
    }
}
