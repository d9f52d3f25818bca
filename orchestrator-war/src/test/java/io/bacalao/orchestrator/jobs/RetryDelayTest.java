package io.bacalao.orchestrator.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A failed evaluation is retried after 1 s, 5 s, 25 s, then every 30 s, as the broker would redeliver it. */
class RetryDelayTest {

    @Test
    void backsOffFiveTimesPerAttemptUpToThirtySeconds() {
        assertEquals(Duration.ofSeconds(1), EvaluationWorker.retryDelay(1));
        assertEquals(Duration.ofSeconds(5), EvaluationWorker.retryDelay(2));
        assertEquals(Duration.ofSeconds(25), EvaluationWorker.retryDelay(3));
        assertEquals(Duration.ofSeconds(30), EvaluationWorker.retryDelay(4));
        assertEquals(Duration.ofSeconds(30), EvaluationWorker.retryDelay(1_000));
    }
}
