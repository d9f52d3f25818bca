package io.bacalao.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.UnixNanos;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class B1dWatchedAloneTest {
    /** A job that the API shows in {@code states}, one per read (the last one from then on), stamped by {@code stamp}. */
    private static final class ScriptedJob implements B1dDockerLatency.Api {
        private final List<String> states;
        private final LongFunction<Long> stamp;
        final List<String> paths = new ArrayList<>();
        long submittedAtNanos;

        ScriptedJob(LongFunction<Long> stamp, String... states) {
            this.states = List.of(states);
            this.stamp = stamp;
        }

        @Override
        public String submit() {
            submittedAtNanos = UnixNanos.of(Instant.now());
            return "j-1";
        }

        @Override
        public String get(String path) {
            paths.add(path);
            String state = states.get(Math.min(paths.size(), states.size()) - 1);
            return "{\"Job\":{\"ID\":\"j-1\",\"State\":{\"StateType\":\"" + state + "\"},\"ModifyTime\":"
                    + stamp.apply(submittedAtNanos) + "}}";
        }
    }

    @Test
    void readsTheJobUntilItEndsAndTakesTheOrchestratorsStampOfTheEnd() throws Exception {
        ScriptedJob job = new ScriptedJob(submitted -> submitted + 250_000_000L, "Pending", "Running", "Completed");

        B1dDockerLatency.Ended ended = B1dDockerLatency.watchedAlone(job, 1, Duration.ofMinutes(1));

        assertEquals(List.of("/api/v1/orchestrator/jobs/j-1", "/api/v1/orchestrator/jobs/j-1",
                "/api/v1/orchestrator/jobs/j-1"), job.paths);
        // the stamp is 250 ms after the moment the API saw the submit, which follows the bench's own start by a little
        assertTrue(ended.stampedMillis() >= 250 && ended.stampedMillis() < 350, "stamped " + ended.stampedMillis());
        assertTrue(ended.wallMillis() >= 3, "three reads, 1 ms apart at least: " + ended.wallMillis());
    }

    @Test
    void aJobThatEndsOtherwiseThanCompletedFailsTheRun() {
        ScriptedJob job = new ScriptedJob(submitted -> submitted, "Running", "Failed");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> B1dDockerLatency.watchedAlone(job, 1, Duration.ofMinutes(1)));

        assertEquals("docker job j-1 ended Failed", e.getMessage());
    }

    @Test
    void aJobThatDoesNotEndInTimeFailsTheRun() {
        ScriptedJob job = new ScriptedJob(submitted -> submitted, "Running");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> B1dDockerLatency.watchedAlone(job, 1, Duration.ofMillis(50)));

        assertEquals("docker job j-1 did not end within PT0.05S", e.getMessage());
    }
}
