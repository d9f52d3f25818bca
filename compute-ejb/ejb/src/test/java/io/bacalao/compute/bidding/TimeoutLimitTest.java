package io.bacalao.compute.bidding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.model.TimeoutConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A compute node refuses batch/ops jobs whose execution timeout exceeds its maximum, or that have none. */
class TimeoutLimitTest {
    private static Job job(String type, long execution, long total) {
        Task t = Task.of("main", SpecConfig.of("noop")).withTimeouts(new TimeoutConfig(execution, 0, total));
        return new Job("j-1", "j-1", "default", type, 0, 1, null, null, null, List.of(t), null, 1, 1, 0, 0);
    }

    private final TimeoutLimit limit = new TimeoutLimit(Duration.ofMinutes(10));

    @Test
    void noMaximumAcceptsEverything() {
        assertEquals(Optional.empty(), new TimeoutLimit(Duration.ZERO).refusal(job("batch", 0, 0)));
    }

    @Test
    void aTimeoutWithinTheMaximumIsAccepted() {
        assertEquals(Optional.empty(), limit.refusal(job("batch", 600, 0)));
        assertEquals(Optional.empty(), limit.refusal(job("ops", 0, 300)));
    }

    @Test
    void aLongerTimeoutIsRefused() {
        assertEquals(Optional.of("this node does not accept jobs whose execution timeout (20m0s) exceeds its maximum"
                + " of 10m0s"), limit.refusal(job("batch", 1200, 0)));
    }

    @Test
    void anUnlimitedJobIsRefused() {
        assertEquals(Optional.of("this node does not accept jobs whose execution timeout (unlimited) exceeds its"
                + " maximum of 10m0s"), limit.refusal(job("batch", 0, 0)));
    }

    @Test
    void longRunningJobsAreNotLimited() {
        assertEquals(Optional.empty(), limit.refusal(job("daemon", 0, 0)));
        assertEquals(Optional.empty(), limit.refusal(job("service", 0, 0)));
    }
}
