package io.bacalao.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.JobStateType;
import io.bacalao.orchestrator.store.JobStatistics.JobTimes;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobActivityTest {
    static final long MINUTE = JobActivity.MINUTE_NANOS;
    /** 10:00:30 of some day, in the middle of a minute. */
    static final long NOW = 1_000_000 * MINUTE + 30_000_000_000L;

    @Test
    void theWindowEndsWithTheCurrentMinuteAndStartsOnAMinute() {
        assertEquals((1_000_000 - 2) * MINUTE, JobActivity.since(NOW, 3));
    }

    @Test
    void submittedCountsTheCreateMinuteAndEndedStatesTheLastChange() {
        long m0 = JobActivity.since(NOW, 3);
        List<JobTimes> jobs = List.of(
                new JobTimes(JobStateType.Completed, m0 + 1, m0 + MINUTE + 5),      // made in minute 0, done in 1
                new JobTimes(JobStateType.Failed, m0 + MINUTE, NOW),                 // made in 1, failed in 2
                new JobTimes(JobStateType.Running, NOW, NOW),                        // made in 2, running
                new JobTimes(JobStateType.Completed, m0 - MINUTE, m0 + 2 * MINUTE)); // made before the window
        JobActivity a = JobActivity.of(jobs, NOW, 3);
        assertEquals(List.of(1, 1, 1), a.submitted());
        assertEquals(List.of(0, 1, 1), a.completed());
        assertEquals(List.of(0, 0, 1), a.failed());
        assertEquals(3, a.minutes());
    }

    @Test
    void timesOutsideTheWindowAreLeftOut() {
        long m0 = JobActivity.since(NOW, 2);
        JobActivity a = JobActivity.of(List.of(new JobTimes(JobStateType.Completed, m0 - 1, m0 - 1),
                new JobTimes(JobStateType.Completed, NOW + MINUTE, NOW + MINUTE)), NOW, 2);
        assertEquals(List.of(0, 0), a.submitted());
        assertEquals(List.of(0, 0), a.completed());
    }
}
