package io.bacalao.domain.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicksTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aRunThatThrowsDoesNotStopTheNextOnes() throws Exception {
        CountDownLatch threeRuns = new CountDownLatch(3);
        ScheduledFuture<?> tick = Ticks.every(scheduler, Duration.ZERO, Duration.ofMillis(1), "test tick",
                Logger.getLogger("TicksTest"), () -> {
                    threeRuns.countDown();
                    throw new IllegalStateException("every run fails");
                });
        assertTrue(threeRuns.await(30, TimeUnit.SECONDS), "runs after a failed run");
        tick.cancel(false);
    }

    @Test
    void runsNeverOverlap() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch fiveRuns = new CountDownLatch(5);
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(4);
        try {
            Ticks.every(pool, Duration.ZERO, Duration.ofMillis(1), "test tick", Logger.getLogger("TicksTest"), () -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.onSpinWait();
                running.decrementAndGet();
                fiveRuns.countDown();
            });
            assertTrue(fiveRuns.await(30, TimeUnit.SECONDS));
            assertEquals(1, mostAtOnce.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
