package io.bacalao.domain.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuietHeapGcTest {
    private static final long MB = 1L << 20;
    private final AtomicLong young = new AtomicLong(40);
    private final AtomicLong full = new AtomicLong(1);
    private final AtomicLong committed = new AtomicLong(100 * MB);
    private final AtomicLong made = new AtomicLong();
    /** A full collection: counted, and the heap shrinks back to 100 MB. */
    private final QuietHeapGc gc = new QuietHeapGc(young::get, full::get, committed::get, () -> {
        made.incrementAndGet();
        full.incrementAndGet();
        committed.set(100 * MB);
    });

    /** Checks until it collects or {@code max} checks went by; true when it collected. */
    private boolean checks(int max) {
        for (int i = 0; i < max; i++) if (gc.check()) return true;
        return false;
    }

    @Test
    void collectsOnceQuietAfterTheHeapGrewAndThenNotAgainUntilItGrowsAgain() {
        gc.check();                                           // the baseline: 100 MB
        committed.addAndGet(60 * MB);                          // a burst promoted 60 MB
        young.addAndGet(300);
        assertTrue(checks(QuietHeapGc.QUIET_CHECKS + 1));
        assertEquals(1, made.get());
        assertFalse(checks(100), "nothing grew since its own collection");
        assertEquals(1, made.get());
    }

    @Test
    void aBusyNodeIsNotCollected() {
        gc.check();
        committed.addAndGet(60 * MB);
        for (int i = 0; i < 50; i++) {
            young.addAndGet(1);                               // a young collection every check: still allocating
            assertFalse(gc.check());
        }
        young.addAndGet(1);                                   // the last one of the burst
        assertTrue(checks(QuietHeapGc.QUIET_CHECKS + 1));
    }

    @Test
    void growthBelowTheThresholdIsLeftAlone() {
        gc.check();
        committed.addAndGet(QuietHeapGc.GROWTH_BYTES - MB);
        assertFalse(checks(100));
        assertEquals(0, made.get());
    }

    @Test
    void aFullCollectionMadeElsewhereBecomesTheNewBaseline() {
        gc.check();
        committed.addAndGet(60 * MB);
        full.incrementAndGet();                               // e.g. the start-up collection, or another application's
        committed.set(120 * MB);                              // what that collection left
        assertFalse(checks(100));
        committed.addAndGet(QuietHeapGc.GROWTH_BYTES);
        assertTrue(checks(QuietHeapGc.QUIET_CHECKS + 1));
    }
}
