package io.bacalao.broker.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch assembly: up to the size, within the window, then only what has already arrived. */
class BatchDrainTest {
    /** A queue whose messages arrive at given times on a fake clock; waiting moves the clock. */
    private static final class TimedQueue implements BatchDrain.Source<String> {
        final Deque<long[]> arrivals = new ArrayDeque<>();
        final List<Long> timeouts = new ArrayList<>();
        long nowNanos;

        TimedQueue arrive(int id, long atMillis) {
            arrivals.add(new long[] {id, atMillis * 1_000_000});
            return this;
        }

        @Override
        public String receive(long timeoutMillis) {
            timeouts.add(timeoutMillis);
            long until = nowNanos + timeoutMillis * 1_000_000;
            long[] next = arrivals.peek();
            if (next == null || next[1] > until) {
                nowNanos = Math.max(nowNanos, until);
                return null;
            }
            arrivals.poll();
            nowNanos = Math.max(nowNanos, next[1]);
            return "m" + next[0];
        }
    }

    @Test
    void takesUpToTheBatchSize() {
        TimedQueue q = new TimedQueue();
        for (int i = 1; i <= 5; i++) q.arrive(i, 0);
        BatchDrain drain = new BatchDrain(3, Duration.ofMillis(2), () -> q.nowNanos);
        assertEquals(List.of("m1", "m2", "m3"), drain.next(q, 500));
        assertEquals(List.of("m4", "m5"), drain.next(q, 500));
    }

    @Test
    void waitsAtMostTheWindowAfterTheFirstMessage() {
        TimedQueue q = new TimedQueue().arrive(1, 10).arrive(2, 11).arrive(3, 13);
        BatchDrain drain = new BatchDrain(64, Duration.ofMillis(2), () -> q.nowNanos);
        assertEquals(List.of("m1", "m2"), drain.next(q, 500), "m3 arrived 3 ms after the first, outside the 2 ms window");
        assertEquals(List.of("m3"), drain.next(q, 500));
    }

    @Test
    void afterTheWindowTakesWhatHasArrivedWithoutWaiting() {
        TimedQueue q = new TimedQueue().arrive(1, 0).arrive(2, 0).arrive(3, 0).arrive(4, 50);
        BatchDrain drain = new BatchDrain(64, Duration.ZERO, () -> q.nowNanos);
        assertEquals(List.of("m1", "m2", "m3"), drain.next(q, 500));
        assertTrue(q.timeouts.subList(1, q.timeouts.size()).stream().allMatch(t -> t == 0),
                "a zero window never waits after the first message: " + q.timeouts);
    }

    @Test
    void aBatchSizeOfOneTakesEachMessageAlone() {
        TimedQueue q = new TimedQueue().arrive(1, 0).arrive(2, 0);
        BatchDrain drain = new BatchDrain(1, Duration.ofMillis(2), () -> q.nowNanos);
        assertEquals(List.of("m1"), drain.next(q, 500));
        assertEquals(List.of("m2"), drain.next(q, 500));
    }

    @Test
    void noFirstMessageIsAnEmptyBatch() {
        TimedQueue q = new TimedQueue().arrive(1, 900);
        BatchDrain drain = new BatchDrain(64, Duration.ofMillis(2), () -> q.nowNanos);
        assertEquals(List.of(), drain.next(q, 500));
        assertEquals(List.of("m1"), drain.next(q, 500));
    }

    @Test
    void refusesAnEmptyBatchSizeAndANegativeWindow() {
        assertThrows(IllegalArgumentException.class, () -> new BatchDrain(0, Duration.ZERO, System::nanoTime));
        assertThrows(IllegalArgumentException.class, () -> new BatchDrain(1, Duration.ofMillis(-1), System::nanoTime));
    }
}
