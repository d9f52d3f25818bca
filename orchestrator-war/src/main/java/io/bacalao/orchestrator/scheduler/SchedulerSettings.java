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
 */
public record SchedulerSettings(Duration queueBackoff, Map<JobType, Duration> defaultQueueTimeouts,
                                int maxNewExecutionsPerEvaluation, Duration rateLimitBackoff, RandomGenerator random) {

    public SchedulerSettings {
        defaultQueueTimeouts = Map.copyOf(defaultQueueTimeouts);
    }

    public static SchedulerSettings standard(RandomGenerator random) {
        return new SchedulerSettings(Duration.ofMinutes(1), Map.of(), 20, Duration.ofMillis(100), random);
    }

    public Duration defaultQueueTimeout(JobType type) {
        return defaultQueueTimeouts.getOrDefault(type, Duration.ZERO);
    }

    /** The same settings with one type's default queue timeout. */
    public SchedulerSettings withDefaultQueueTimeout(JobType type, Duration d) {
        Map<JobType, Duration> m = new EnumMap<>(JobType.class);
        m.putAll(defaultQueueTimeouts);
        m.put(type, d);
        return new SchedulerSettings(queueBackoff, m, maxNewExecutionsPerEvaluation, rateLimitBackoff, random);
    }
}
