package io.bacalao.orchestrator.housekeeping;

import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bacalhau's housekeeping rule (reference §4.5), pure: a batch or ops job still in progress whose TotalTimeout
 * plus the grace ({@code Orchestrator.Scheduler.HousekeepingTimeout}) has passed since submission needs a
 * {@code job-timeout} evaluation; otherwise, if one of its executions has been executing longer than the
 * execution timeout plus the grace, an {@code exec-timeout} evaluation. The grace gives compute nodes the first
 * chance to enforce their own limits; the evaluation then applies the timeouts (without grace).
 */
public final class TimeoutScan {
    private TimeoutScan() {
    }

    /** The trigger of the evaluation the job needs now, if any. Times are Unix nanoseconds. */
    public static Optional<String> check(Job job, Function<String, List<Execution>> executionsOf, long nowNanos,
                                         Duration grace) {
        if (job.isTerminal() || job.jobType().isLongRunning()) return Optional.empty();
        var timeouts = job.task().timeouts();
        if (timeouts.totalTimeout() > 0
                && nowNanos - job.createTime() > Duration.ofSeconds(timeouts.totalTimeout()).plus(grace).toNanos()) {
            return Optional.of(EvaluationTrigger.JOB_TIMEOUT);
        }
        long execTimeout = timeouts.effectiveExecutionTimeout();
        if (execTimeout <= 0) return Optional.empty();
        long expiredBefore = nowNanos - Duration.ofSeconds(execTimeout).plus(grace).toNanos();
        boolean expired = executionsOf.apply(job.id()).stream()
                .anyMatch(e -> !e.isTerminal() && e.state().isExecuting() && e.modifyTime() < expiredBefore);
        return expired ? Optional.of(EvaluationTrigger.EXEC_TIMEOUT) : Optional.empty();
    }
}
