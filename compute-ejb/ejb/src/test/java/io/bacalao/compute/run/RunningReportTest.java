package io.bacalao.compute.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunningReportTest {
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final AtomicInteger sent = new AtomicInteger();

    RunningReportTest() {
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aZeroDelayReportsAtOnceOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        RunningReport.after(Duration.ZERO, scheduler, () -> {
            assertEquals(caller, Thread.currentThread());
            sent.incrementAndGet();
        }).close();
        assertEquals(1, sent.get());
        assertTrue(scheduler.getQueue().isEmpty());
    }

    @Test
    void aRunThatEndsBeforeTheDelayNeverReportsRunning() {
        RunningReport r = RunningReport.after(Duration.ofHours(1), scheduler, sent::incrementAndGet);
        assertEquals(1, scheduler.getQueue().size(), "the report waits for the delay");
        r.close();
        assertTrue(scheduler.getQueue().isEmpty(), "the ended run's report is dropped");
        assertEquals(0, sent.get());
        r.close();
    }

    @Test
    void aRunThatLastsPastTheDelayReportsRunningOnce() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        RunningReport r = RunningReport.after(Duration.ofMillis(1), scheduler, () -> {
            sent.incrementAndGet();
            reported.countDown();
        });
        assertTrue(reported.await(30, TimeUnit.SECONDS));
        r.close();
        assertEquals(1, sent.get());
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RunningReport.after(Duration.ofMillis(-1), scheduler, sent::incrementAndGet));
        assertEquals(0, sent.get());
    }
}
