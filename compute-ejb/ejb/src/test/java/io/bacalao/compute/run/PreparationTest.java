package io.bacalao.compute.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PreparationTest {
    private final ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    private final AtomicInteger ran = new AtomicInteger();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aStartedStepIsWaitedFor() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Preparation p = Preparation.start(pool, () -> {
            started.countDown();
            release.await();
            ran.incrementAndGet();
        });
        assertTrue(started.await(30, TimeUnit.SECONDS));
        Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        p.await();
        assertEquals(1, ran.get(), "await returned only once the step had ended");
    }

    /** The pool's only thread is busy (e.g. with the runner itself): the step is skipped, not waited for. */
    @Test
    void aStepNoThreadTookUpIsSkippedAndNeverRuns() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        pool.submit(() -> {
            busy.await();
            return null;
        });
        Preparation p = Preparation.start(pool, ran::incrementAndGet);
        p.await();
        busy.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(0, ran.get());
    }

    @Test
    void aFailingStepIsLeftToTheRunToReport() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Preparation p = Preparation.start(pool, () -> {
            started.countDown();
            throw new IllegalStateException("no image");
        });
        assertTrue(started.await(30, TimeUnit.SECONDS));
        p.await();
    }
}
