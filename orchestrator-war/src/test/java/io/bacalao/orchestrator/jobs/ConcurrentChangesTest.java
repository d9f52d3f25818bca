package io.bacalao.orchestrator.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.orchestrator.store.ConcurrentChangeException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentChangesTest {
    @Test
    void aChangeThatLostTheRaceIsDecidedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        String result = ConcurrentChanges.retried(() -> {
            if (attempts.incrementAndGet() < 3) throw new ConcurrentChangeException("j-1", 7, 6);
            return "stopped";
        });
        assertEquals("stopped", result);
        assertEquals(3, attempts.get());
    }

    @Test
    void aJobThatKeepsChangingEndsInTheConflict() {
        AtomicInteger attempts = new AtomicInteger();
        ConcurrentChangeException e = assertThrows(ConcurrentChangeException.class, () -> ConcurrentChanges.retried(() -> {
            attempts.incrementAndGet();
            throw new ConcurrentChangeException("j-1", 9, 8);
        }));
        assertEquals(ConcurrentChanges.ATTEMPTS, attempts.get());
        assertEquals(409, e.status());
    }

    @Test
    void otherErrorsAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(BacalaoException.class, () -> ConcurrentChanges.retried(() -> {
            attempts.incrementAndGet();
            throw BacalaoException.plain("cannot stop job in state Completed", null);
        }));
        assertEquals(1, attempts.get());
    }
}
