package io.bacalao.compute.bidding;

import io.bacalao.domain.config.Durations;
import io.bacalao.domain.model.Job;
import java.time.Duration;
import java.util.Optional;

/**
 * The compute-side ceiling on execution time ({@code Compute.JobTimeouts.MaxJobExecutionTimeout}; 0 = none):
 * a batch or ops job whose execution timeout (ExecutionTimeout, else TotalTimeout) is above it, or unlimited,
 * is refused at bidding. Service and daemon jobs run until stopped and are not limited.
 */
public record TimeoutLimit(Duration max) {

    /** The refusal, in the bidder's "this node does not …" voice, or empty when the job is within the limit. */
    public Optional<String> refusal(Job job) {
        if (max.isZero() || job.jobType().isLongRunning()) return Optional.empty();
        long seconds = job.task().timeouts().effectiveExecutionTimeout();
        if (seconds > 0 && Duration.ofSeconds(seconds).compareTo(max) <= 0) return Optional.empty();
        String asked = seconds > 0 ? Durations.format(Duration.ofSeconds(seconds)) : "unlimited";
        return Optional.of("this node does not accept jobs whose execution timeout (" + asked
                + ") exceeds its maximum of " + Durations.format(max));
    }
}
