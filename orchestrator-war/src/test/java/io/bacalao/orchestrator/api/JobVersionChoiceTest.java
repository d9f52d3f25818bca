package io.bacalao.orchestrator.api;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.error.ErrorCode;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobStateType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobVersionChoiceTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final Job latest = aJob().version(3).state(JobStateType.Running).build(NOW);
    private final Job second = aJob().version(2).state(JobStateType.Completed).build(NOW);
    private final List<Long> looked = new ArrayList<>();

    private Optional<Job> stored(long n) {
        looked.add(n);
        return Optional.ofNullable(Map.of(2L, second).get(n));
    }

    @Test
    void noVersionOrTheLatestNumberIsTheJobAsItIsNow() {
        assertSame(latest, JobVersionChoice.of(latest, 0, this::stored));
        assertSame(latest, JobVersionChoice.of(latest, 3, this::stored));
        assertEquals(List.of(), looked, "the live row answers; the version table is not read");
    }

    @Test
    void anOlderNumberIsThatStoredVersion() {
        assertSame(second, JobVersionChoice.of(latest, 2, this::stored));
    }

    @Test
    void aNumberWithoutAStoredVersionIsBacalhausNotFound() {
        BacalaoException e = assertThrows(BacalaoException.class, () -> JobVersionChoice.of(latest, 7, this::stored));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals("job version 7 not found for job " + latest.id(), e.getMessage());
    }
}
