package io.bacalao.orchestrator.scheduler;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Scheduler knobs. {@code defaultQueueTimeout} applies to jobs whose spec sets none (0 = fail at once when
 * no node fits); {@code maxNewExecutionsPerEvaluation} is Bacalhau's rate limit of 20; {@code random} breaks
 * ties between equally ranked nodes (inject a seeded one in tests).
 */
public record SchedulerSettings(Duration queueBackoff, Duration defaultQueueTimeout, int maxNewExecutionsPerEvaluation,
                                Duration rateLimitBackoff, RandomGenerator random) {

    public static SchedulerSettings standard(RandomGenerator random) {
        return new SchedulerSettings(Duration.ofMinutes(1), Duration.ZERO, 20, Duration.ofMillis(100), random);
    }
}
