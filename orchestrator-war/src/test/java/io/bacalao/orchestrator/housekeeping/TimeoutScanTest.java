package io.bacalao.orchestrator.housekeeping;

import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.orchestrator.scheduler.ExecutionBuilder;
import io.bacalao.orchestrator.scheduler.JobBuilder;
import io.bacalao.orchestrator.scheduler.Scenario;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Housekeeping asks for job-timeout / exec-timeout evaluations once a timeout plus the grace has passed (§4.5). */
class TimeoutScanTest {
    private static final Duration GRACE = Duration.ofMinutes(2);

    private static Optional<String> check(JobBuilder builder, ExecutionBuilder... executions) {
        Job job = builder.build(Scenario.NOW);
        var execs = Arrays.stream(executions).map(e -> e.build(job, Scenario.NOW)).toList();
        return TimeoutScan.check(job, id -> execs, UnixNanos.of(Scenario.NOW), GRACE);
    }

    @Test
    void aJobPastTotalTimeoutAndGraceNeedsAJobTimeoutEvaluation() {
        assertEquals(Optional.of("job-timeout"),
                check(aJob().totalTimeout(Duration.ofMinutes(1)).createdAgo(Duration.ofMinutes(4))));
    }

    @Test
    void withinTheGraceNothingHappensYet() {
        assertEquals(Optional.empty(), check(aJob().totalTimeout(Duration.ofMinutes(1)).createdAgo(Duration.ofMinutes(2))));
    }

    @Test
    void anExecutionPastItsTimeoutAndGraceNeedsAnExecTimeoutEvaluation() {
        var slow = anExecution(1).state(ExecutionStateType.Running).modifiedAgo(Duration.ofMinutes(5));
        assertEquals(Optional.of("exec-timeout"), check(aJob().executionTimeout(Duration.ofMinutes(1)), slow));
        var young = anExecution(1).state(ExecutionStateType.Running).modifiedAgo(Duration.ofMinutes(2));
        assertEquals(Optional.empty(), check(aJob().executionTimeout(Duration.ofMinutes(1)), young));
    }

    @Test
    void executionsNotYetExecutingAreNotTimedOut() {
        var asked = anExecution(1).state(ExecutionStateType.AskForBid).modifiedAgo(Duration.ofMinutes(30));
        assertEquals(Optional.empty(), check(aJob().executionTimeout(Duration.ofMinutes(1)), asked));
    }

    @Test
    void longRunningAndFinishedJobsAreLeftAlone() {
        var slow = anExecution(1).state(ExecutionStateType.Running).modifiedAgo(Duration.ofHours(5));
        assertEquals(Optional.empty(), check(aJob().type("service").createdAgo(Duration.ofHours(5)), slow));
        assertEquals(Optional.empty(), check(aJob().totalTimeout(Duration.ofMinutes(1)).createdAgo(Duration.ofHours(1))
                .state(JobStateType.Completed)));
    }
}
