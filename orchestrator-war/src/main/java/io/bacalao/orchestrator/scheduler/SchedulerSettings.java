package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.JobType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Scheduler knobs. {@code defaultQueueTimeouts}: per job type, the QueueTimeout of jobs whose spec sets none
 * (missing or 0 = fail at once when no node fits; {@code JobDefaults.<Type>.Task.Timeouts.QueueTimeout}).
 * {@code maxNewExecutionsPerEvaluation} is Bacalhau's rate limit of 20, followed up after
 * {@code rateLimitBackoff}; {@code random} breaks ties between equally ranked nodes (seeded in tests).
 * {@code preApprovedPlacements}: batch and service executions are created to run, so that their node runs them as
 * soon as its own bid checks accept them, without a separate approval ({@code Orchestrator.Scheduler.PreApprovedPlacements};
 * docs/state-writer.md, "Pre-approved placements").
 */
public record SchedulerSettings(Duration queueBackoff, Map<JobType, Duration> defaultQueueTimeouts,
                                int maxNewExecutionsPerEvaluation, Duration rateLimitBackoff, RandomGenerator random,
                                boolean preApprovedPlacements) {

    public SchedulerSettings {
        defaultQueueTimeouts = Map.copyOf(defaultQueueTimeouts);
    }

    public static SchedulerSettings standard(RandomGenerator random) {
        return new SchedulerSettings(Duration.ofMinutes(1), Map.of(), 20, Duration.ofMillis(100), random, true);
    }

    /** The same settings with batch and service placements pre-approved or not. */
    public SchedulerSettings withPreApprovedPlacements(boolean on) {
        return new SchedulerSettings(queueBackoff, defaultQueueTimeouts, maxNewExecutionsPerEvaluation, rateLimitBackoff,
                random, on);
    }

    public Duration defaultQueueTimeout(JobType type) {
        return defaultQueueTimeouts.getOrDefault(type, Duration.ZERO);
    }

    /** The same settings with one type's default queue timeout. */
    public SchedulerSettings withDefaultQueueTimeout(JobType type, Duration d) {
        Map<JobType, Duration> m = new EnumMap<>(JobType.class);
        m.putAll(defaultQueueTimeouts);
        m.put(type, d);
        return new SchedulerSettings(queueBackoff, m, maxNewExecutionsPerEvaluation, rateLimitBackoff, random,
                preApprovedPlacements);
    }
}
