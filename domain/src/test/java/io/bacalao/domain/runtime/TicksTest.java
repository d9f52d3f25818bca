package io.bacalao.domain.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TicksTest {
    private static final Logger LOG = Logger.getLogger("TicksTest");

    @Test
    void aRunThatThrowsDoesNotStopTheNextOnes() throws Exception {
        CountDownLatch threeRuns = new CountDownLatch(3);
        try (Ticks ignored = Ticks.every(Executors.defaultThreadFactory(), Duration.ZERO, Duration.ofMillis(1),
                "test tick", LOG, () -> {
                    threeRuns.countDown();
                    throw new IllegalStateException("every run fails");
                })) {
            assertTrue(threeRuns.await(30, TimeUnit.SECONDS), "runs after a failed run");
        }
    }

    @Test
    void aSlowTickDoesNotHoldUpAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch fastRuns = new CountDownLatch(5);
        try (Ticks slow = Ticks.every(Executors.defaultThreadFactory(), Duration.ZERO, Duration.ofMillis(1), "slow",
                LOG, () -> awaitQuietly(release));
             Ticks fast = Ticks.every(Executors.defaultThreadFactory(), Duration.ZERO, Duration.ofMillis(1), "fast",
                     LOG, fastRuns::countDown)) {
            assertTrue(fastRuns.await(30, TimeUnit.SECONDS), "the fast tick runs while the slow one is busy");
        } finally {
            release.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
