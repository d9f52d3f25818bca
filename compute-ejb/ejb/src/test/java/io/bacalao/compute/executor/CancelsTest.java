package io.bacalao.compute.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancelsTest {
    private final MutableClock clock = new MutableClock();
    private final Cancels cancels = new Cancels(clock);

    @Test
    void aCancelDuringTheRunStopsIt() {
        Cancels.Cancel run = cancels.open("e-1");
        AtomicInteger stops = new AtomicInteger();
        run.onCancel(stops::incrementAndGet);
        assertFalse(run.isCancelled());
        cancels.cancel("e-1");
        assertTrue(run.isCancelled());
        assertEquals(1, stops.get());
    }

    @Test
    void aCancelBeforeTheRunOpensIsSeenByIt() {
        cancels.cancel("e-1");
        Cancels.Cancel run = cancels.open("e-1");
        assertTrue(run.isCancelled());
        AtomicInteger stops = new AtomicInteger();
        run.onCancel(stops::incrementAndGet);
        assertEquals(1, stops.get(), "what stops the run runs at once");
    }

    @Test
    void aCancelForAnotherRunLeavesThisOneAlone() {
        Cancels.Cancel run = cancels.open("e-1");
        cancels.cancel("e-2");
        assertFalse(run.isCancelled());
    }

    @Test
    void aClosedRunStartsAfreshWhenOpenedAgain() {
        cancels.cancel("e-1");
        cancels.close("e-1");
        assertFalse(cancels.open("e-1").isCancelled());
    }

    @Test
    void cancelsForRunsThatNeverOpenAreForgottenAfterAWhile() {
        cancels.cancel("e-never");
        clock.advance(Cancels.KEEP.plusSeconds(1));
        cancels.cancel("e-2");
        assertEquals(1, cancels.size());
        assertTrue(cancels.open("e-2").isCancelled());
    }
}
