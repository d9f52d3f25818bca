package io.bacalao.domain.runtime;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettledStartGcTest {
    private final AtomicLong classes = new AtomicLong(1_000);
    private final AtomicInteger collections = new AtomicInteger();
    private final SettledStartGc gc = new SettledStartGc(classes::get, collections::incrementAndGet);

    @Test
    void collectsOnceClassLoadingHasBeenQuietForTheQuietChecks() {
        assertFalse(gc.check());                           // first count: nothing to compare with
        for (int i = 1; i < SettledStartGc.QUIET_CHECKS; i++) assertFalse(gc.check());
        assertEquals(0, collections.get());
        assertTrue(gc.check());
        assertEquals(1, collections.get());
    }

    @Test
    void classesLoadedInBetweenStartTheQuietCountAgain() {
        gc.check();
        gc.check();
        classes.addAndGet(200);                            // a later deployment began
        for (int i = 0; i < SettledStartGc.QUIET_CHECKS; i++) assertFalse(gc.check());
        assertTrue(gc.check());
        assertEquals(1, collections.get());
    }

    @Test
    void collectsAtMostOnce() {
        while (!gc.check()) {
            // until it collects
        }
        classes.addAndGet(5);
        for (int i = 0; i < 10; i++) assertTrue(gc.check());
        assertEquals(1, collections.get());
    }

    @Test
    void givesUpWithoutCollectingWhenClassesKeepLoading() {
        boolean done = false;
        for (int i = 0; i < SettledStartGc.MAX_CHECKS && !done; i++) {
            classes.incrementAndGet();
            done = gc.check();
        }
        assertTrue(done);
        assertEquals(0, collections.get());
    }
}
