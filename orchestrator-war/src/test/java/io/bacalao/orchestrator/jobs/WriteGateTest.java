package io.bacalao.orchestrator.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WriteGateTest {
    @Test
    void aWriteBeyondThePermitsWaitsUntilOneReturns() throws Exception {
        WriteGate gate = new WriteGate(1);
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch firstMayReturn = new CountDownLatch(1);
        Thread first = Thread.ofPlatform().start(() -> gate.through(() -> {
            firstInside.countDown();
            await(firstMayReturn);
            return "first";
        }));
        firstInside.await();
        AtomicBoolean secondRan = new AtomicBoolean();
        Thread second = Thread.ofPlatform().start(() -> gate.through(() -> secondRan.getAndSet(true)));
        awaitParked(second);
        assertFalse(secondRan.get(), "the second write ran while the only permit was held");

        firstMayReturn.countDown();
        first.join();
        second.join();
        assertTrue(secondRan.get());
    }

    @Test
    void aWriteThatThrowsFreesItsPermit() {
        WriteGate gate = new WriteGate(1);
        assertThrows(IllegalStateException.class, () -> gate.through(() -> {
            throw new IllegalStateException("refused");
        }));
        assertEquals("next", gate.through(() -> "next"));
    }

    @Test
    void noPermitsMeansNoBound() throws Exception {
        WriteGate gate = new WriteGate(0);
        CountDownLatch bothInside = new CountDownLatch(2);
        Runnable write = () -> gate.through(() -> {
            bothInside.countDown();
            await(bothInside);
            return null;
        });
        Thread a = Thread.ofPlatform().start(write);
        Thread b = Thread.ofPlatform().start(write);
        a.join();
        b.join();
        assertEquals(0, bothInside.getCount());
    }

    /** Waits until {@code t} is parked (on the gate's semaphore: it has nothing else to wait for). */
    private static void awaitParked(Thread t) {
        while (t.getState() != Thread.State.WAITING) Thread.onSpinWait();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
