package io.bacalao.orchestrator.housekeeping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResendBackoffTest {
    static final long S = 1_000_000_000L;
    final ResendBackoff backoff = new ResendBackoff(Duration.ofSeconds(10), Duration.ofSeconds(60));

    @Test
    void dueAtOnceThenAfterDoublingWaitsUpToTheMaximum() {
        assertTrue(backoff.take("e1", 0), "first seen: due");
        assertFalse(backoff.take("e1", 9 * S));
        assertTrue(backoff.take("e1", 10 * S), "10 s later");
        assertFalse(backoff.take("e1", 29 * S));
        assertTrue(backoff.take("e1", 30 * S), "20 s later");
        assertFalse(backoff.take("e1", 69 * S));
        assertTrue(backoff.take("e1", 70 * S), "40 s later");
        assertFalse(backoff.take("e1", 129 * S));
        assertTrue(backoff.take("e1", 130 * S), "60 s later: the maximum");
        assertTrue(backoff.take("e1", 190 * S), "and 60 s from then on");
    }

    @Test
    void executionsHaveTheirOwnSchedules() {
        assertTrue(backoff.take("e1", 0));
        assertTrue(backoff.take("e2", 5 * S));
        assertTrue(backoff.take("e1", 10 * S));
        assertFalse(backoff.take("e2", 10 * S));
    }

    @Test
    void aCycleForgetsExecutionsItDidNotSee() {
        backoff.take("e1", 0);
        backoff.take("e2", 0);
        backoff.endCycle();
        backoff.take("e1", S);
        backoff.endCycle();
        assertEquals(1, backoff.size(), "e2 no longer waits");
        assertTrue(backoff.take("e2", 2 * S), "seen again: due at once, as after a restart");
        assertFalse(backoff.take("e1", 2 * S), "e1 keeps its schedule");
    }
}
