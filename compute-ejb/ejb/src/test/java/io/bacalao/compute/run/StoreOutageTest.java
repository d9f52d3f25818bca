package io.bacalao.compute.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreOutageTest {
    private final List<Long> waits = new ArrayList<>();
    /** The probe's answers in turn; the store answers once they run out. */
    private final Deque<Boolean> probes = new ArrayDeque<>();
    private final StoreOutage outage = new StoreOutage(() -> probes.isEmpty() || probes.pop(), waits::add);
    private int attempts;

    /** A change that fails {@code failures} times, then returns "done". */
    private String change(int failures) {
        attempts++;
        if (attempts <= failures) throw new IllegalStateException("connection refused");
        return "done";
    }

    @Test
    void aChangeThatSucceedsRunsOnceAndNeverWaits() {
        assertEquals("done", outage.through("end", () -> change(0)));
        assertEquals(1, attempts);
        assertEquals(List.of(), waits);
    }

    @Test
    void aChangeThatFailsWhileTheStoreIsDownWaitsForItWithBackoffAndIsTriedAgain() {
        // down at the failure and for five more probes, then up
        probes.addAll(List.of(false, false, false, false, false, false, true));

        assertEquals("done", outage.through("end", () -> change(1)));

        assertEquals(2, attempts);
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 5000L, 5000L), waits);
    }

    @Test
    void eachFailureDuringAnOutageWaitsAgain() {
        probes.addAll(List.of(false, true, false, true));

        assertEquals("done", outage.through("end", () -> change(2)));

        assertEquals(3, attempts);
        assertEquals(List.of(500L, 500L), waits);
    }

    @Test
    void aFailureWhileTheStoreAnswersIsTheChangesOwnAndIsThrownAtOnce() {
        IllegalStateException own = new IllegalStateException("transition not allowed");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> outage.through("end", () -> {
            attempts++;
            throw own;
        }));

        assertSame(own, thrown);
        assertEquals(1, attempts);
        assertEquals(List.of(), waits);
    }

    @Test
    void aProbeThatThrowsCountsAsAStoreThatDoesNotAnswer() {
        int[] probed = {0};
        StoreOutage throwing = new StoreOutage(() -> {
            if (probed[0]++ < 2) throw new IllegalStateException("no connection");
            return true;
        }, waits::add);

        assertEquals("done", throwing.through("end", () -> change(1)));
        // the probe after the failure and the one after the first wait threw; the third answered
        assertEquals(List.of(500L, 1000L), waits);
    }

    @Test
    void interruptedWhileWaitingGivesUpWithTheFailure() {
        StoreOutage interrupted = new StoreOutage(() -> false, millis -> {
            throw new InterruptedException();
        });

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> interrupted.through("end", () -> change(5)));

        assertEquals("connection refused", thrown.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }
}
