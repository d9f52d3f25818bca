package io.bacalao.orchestrator.store;

import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationStatus;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import io.bacalao.orchestrator.scheduler.Scenario;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The row-level rules behind poisoned evaluations and bad rows (no database needed: plain entity objects). */
class StoredRowsTest {
    private static final long NOW = 1_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private static EvaluationEntity pendingEvaluation() {
        return new EvaluationEntity(new Evaluation("ev-1", "default", "j-1", "job-queue", 50, "batch",
                EvaluationStatus.PENDING, "", 0, NOW, NOW));
    }

    @Test
    void attemptsAreCountedAndTheLastErrorKept() {
        EvaluationEntity e = pendingEvaluation();
        assertEquals(0, e.attempts());
        assertEquals(1, e.startAttempt());
        assertEquals(2, e.startAttempt());
        e.recordFailure("x".repeat(5_000));
        assertEquals(1_000, e.lastError().length(), "the error column is bounded");
    }

    @Test
    void aDeliveryBeforeTheScheduledRetryIsADuplicate() {
        EvaluationEntity e = pendingEvaluation();
        e.markSent(NOW + 5 * SECOND);
        assertFalse(e.awaitsRetryAfter(NOW), "no attempt failed yet: a delayed evaluation is not a retry");
        e.startAttempt();
        assertTrue(e.awaitsRetryAfter(NOW));
        assertFalse(e.awaitsRetryAfter(NOW + 5 * SECOND - 50_000_000L), "scheduled delivery is precise to the ms");
        assertFalse(e.awaitsRetryAfter(NOW + 6 * SECOND));
    }

    @Test
    void endingAnEvaluationSetsTheQueriedStatusAndItsJson() {
        EvaluationEntity e = pendingEvaluation();
        e.end(EvaluationStatus.FAILED, "it failed 3 times", NOW + SECOND);
        assertFalse(e.isPending());
        assertEquals(EvaluationStatus.FAILED, e.toEvaluation().status());
        assertEquals("it failed 3 times", e.toEvaluation().comment());
    }

    @Test
    void deliveryNeedsOnlyTheColumns() {
        Evaluation d = pendingEvaluation().forDelivery();
        assertEquals("ev-1", d.id());
        assertEquals("j-1", d.jobId());
        assertEquals(0, d.waitUntil());
    }

    @Test
    void anUnreadableExecutionEndsThroughItsColumns() {
        Job job = aJob().build(Scenario.NOW);
        ExecutionEntity running = new ExecutionEntity(anExecution(1).state(ExecutionStateType.Running)
                .desired(DesiredStateType.Running).build(job, Scenario.NOW));
        long revision = running.revision();
        assertTrue(running.endUnreadable(NOW), "it was live: its node needs a cancel");
        assertEquals(revision + 1, running.revision());
        Execution after = running.toExecution();
        assertEquals(after.id(), running.id(), "the JSON is kept as it was");
        assertFalse(running.endUnreadable(NOW), "ending it again changes nothing");
        ExecutionEntity done = new ExecutionEntity(anExecution(2).state(ExecutionStateType.Completed)
                .desired(DesiredStateType.Stopped).build(job, Scenario.NOW));
        assertFalse(done.endUnreadable(NOW));
    }

    @Test
    void aStoredItemIsItsValueOrWhyItCannotBeRead() {
        Stored<String> ok = Stored.read("j-1", () -> "job");
        assertTrue(ok.isReadable());
        assertEquals("job", ok.value());
        Stored<String> bad = Stored.read("j-2", () -> {
            throw new UncheckedIOException(new java.io.IOException("Unexpected end-of-input"));
        });
        assertFalse(bad.isReadable());
        assertEquals("j-2", bad.jobId());
    }
}
