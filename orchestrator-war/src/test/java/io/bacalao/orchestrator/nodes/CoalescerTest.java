package io.bacalao.orchestrator.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescerTest {
    static final long MS = 1_000_000L;
    long now;
    int runs;
    final Deque<Runnable> due = new ArrayDeque<>();
    final List<Long> delays = new ArrayList<>();
    Runnable during = () -> { };
    final Coalescer coalescer = new Coalescer("test", () -> {
        runs++;
        during.run();
    }, Duration.ofMillis(500), (delay, run) -> {
        delays.add(delay / MS);
        due.add(run);
    }, () -> now);

    void runDue() {
        while (!due.isEmpty()) due.poll().run();
    }

    @Test
    void theFirstRequestRunsAtOnce() {
        coalescer.request();
        assertEquals(List.of(0L), delays);
        runDue();
        assertEquals(1, runs);
    }

    @Test
    void requestsWhileARunWaitsAreFoldedIntoIt() {
        for (int i = 0; i < 100; i++) coalescer.request();
        runDue();
        assertEquals(1, runs);
        assertEquals(List.of(0L), delays);
    }

    @Test
    void requestsDuringARunMakeOneMoreRunAPeriodAfterItsStart() {
        during = () -> {
            now += 100 * MS;
            coalescer.request();
            coalescer.request();
        };
        coalescer.request();
        due.poll().run();
        assertEquals(List.of(0L, 400L), delays, "the next run starts 500 ms after the first started");
        during = () -> { };
        runDue();
        assertEquals(2, runs);
    }

    @Test
    void aRequestLongAfterTheLastRunRunsAtOnceAndAFailedRunDoesNotStopLaterOnes() {
        during = () -> {
            throw new IllegalStateException("database away");
        };
        coalescer.request();
        runDue();
        now += 2_000 * MS;
        during = () -> { };
        coalescer.request();
        runDue();
        assertEquals(2, runs);
        assertEquals(List.of(0L, 0L), delays);
    }
}
