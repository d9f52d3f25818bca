package io.bacalao.orchestrator.api;

import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which execution the logs route streams: the one named, else the latest non-discarded one of the asked version. */
class LogsEndpointTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final Job job = aJob().version(2).build(NOW);
    private final Execution firstVersion = anExecution(1).version(1).state(ExecutionStateType.Completed)
            .modifiedAgo(Duration.ofSeconds(5)).build(job, NOW);
    private final Execution secondVersion = anExecution(2).version(2).state(ExecutionStateType.Completed)
            .modifiedAgo(Duration.ofSeconds(30)).build(job, NOW);
    private final List<Execution> all = List.of(firstVersion, secondVersion);

    @Test
    void withoutAVersionTheLatestChangedExecutionOfAnyVersionIsShown() {
        assertEquals(Optional.of(firstVersion), LogsEndpoint.choose(LogsEndpoint.ofVersion(all, 0), null));
    }

    @Test
    void aVersionLimitsTheChoiceToItsExecutions() {
        assertEquals(Optional.of(secondVersion), LogsEndpoint.choose(LogsEndpoint.ofVersion(all, 2), null));
        assertEquals(Optional.of(firstVersion), LogsEndpoint.choose(LogsEndpoint.ofVersion(all, 1), null));
        assertEquals(Optional.empty(), LogsEndpoint.choose(LogsEndpoint.ofVersion(all, 3), null));
    }

    @Test
    void aNamedExecutionOfAnotherVersionIsNotFound() {
        assertEquals(Optional.empty(), LogsEndpoint.choose(LogsEndpoint.ofVersion(all, 2), firstVersion.id()));
        assertEquals(Optional.of(firstVersion), LogsEndpoint.choose(LogsEndpoint.ofVersion(all, 0), firstVersion.id()));
    }
}
