package io.bacalao.orchestrator.store;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.spec.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParsedJobsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final ParsedJobs cache = new ParsedJobs(2, 16_384);

    private static String json(Job job) {
        return Json.write(job);
    }

    @Test
    void theSameRevisionIsParsedOnce() {
        Job job = aJob().build(NOW);
        String json = json(job);

        Job first = cache.read(job.id(), job.revision(), json);
        Job second = cache.read(job.id(), job.revision(), new String(json.toCharArray()));

        assertEquals(job, first);
        assertSame(first, second);
        assertEquals(1, cache.parses());
    }

    @Test
    void aNewRevisionIsParsedAgain() {
        Job job = aJob().build(NOW);
        cache.read(job.id(), 1, json(job));
        Job running = aJob().state(JobStateType.Running).build(NOW);

        Job read = cache.read(job.id(), 2, json(running));

        assertEquals(JobStateType.Running, read.state().stateType());
        assertEquals(2, cache.parses());
    }

    /** A row rewritten without a new revision (a repaired job) is not served from the cache. */
    @Test
    void otherJsonAtTheSameRevisionIsParsedAgain() {
        Job job = aJob().build(NOW);
        cache.read(job.id(), 1, json(job));

        Job read = cache.read(job.id(), 1, json(aJob().state(JobStateType.Failed, "repaired").build(NOW)));

        assertEquals(JobStateType.Failed, read.state().stateType());
        assertEquals(2, cache.parses());
    }

    @Test
    void theLeastRecentlyReadJobIsEvictedBeyondTheBound() {
        String json = json(aJob().build(NOW));
        cache.read("j-a", 1, json);
        cache.read("j-b", 1, json);
        cache.read("j-a", 1, json);
        cache.read("j-c", 1, json);

        assertEquals(2, cache.size());
        cache.read("j-a", 1, json);
        assertEquals(3, cache.parses(), "j-a stayed: it was read more recently than j-b");
        cache.read("j-b", 1, json);
        assertEquals(4, cache.parses(), "j-b was evicted");
    }

    @Test
    void aJobLongerThanTheLimitIsParsedEachTimeAndNotKept() {
        ParsedJobs small = new ParsedJobs(2, 10);
        Job job = aJob().build(NOW);

        small.read(job.id(), 1, json(job));
        small.read(job.id(), 1, json(job));

        assertEquals(2, small.parses());
        assertEquals(0, small.size());
    }

    @Test
    void unreadableJsonFailsEachTimeAndIsNotKept() {
        assertThrows(RuntimeException.class, () -> cache.read("j-x", 1, "{not json"));
        assertThrows(RuntimeException.class, () -> cache.read("j-x", 1, "{not json"));
        assertEquals(0, cache.size());
    }

    @Test
    void aForgottenJobIsParsedAgain() {
        String json = json(aJob().build(NOW));
        cache.read("j-a", 1, json);

        cache.forget("j-a");
        cache.read("j-a", 1, json);

        assertEquals(2, cache.parses());
    }
}
