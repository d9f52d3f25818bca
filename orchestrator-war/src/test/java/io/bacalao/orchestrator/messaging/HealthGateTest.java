package io.bacalao.orchestrator.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The inbox's wait for its job store: probed with a doubling backoff while it is down, at once after a failure. */
class HealthGateTest {
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicInteger probes = new AtomicInteger();
    private final MutableClock clock = new MutableClock();
    private final HealthGate gate = new HealthGate(() -> {
        probes.incrementAndGet();
        return up.get();
    }, clock);

    private void advance(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }

    @Test
    void aReadyStoreIsProbedEachTimeAndNeverWaitedFor() {
        assertTrue(gate.ready());
        assertTrue(gate.ready());
        assertEquals(2, probes.get());
        assertEquals(0, gate.millisToNextProbe());
    }

    @Test
    void aStoreThatIsDownIsProbedAgainOnlyAfterABackoffThatDoublesUpToFiveSeconds() {
        up.set(false);
        assertFalse(gate.ready());
        assertEquals(500, gate.millisToNextProbe());
        advance(499);
        assertFalse(gate.ready());
        assertEquals(1, probes.get(), "not due yet: the last answer stands");
        for (long expected : new long[] {1_000, 2_000, 4_000, 5_000, 5_000}) {
            advance(gate.millisToNextProbe());
            assertFalse(gate.ready());
            assertEquals(expected, gate.millisToNextProbe());
        }
        assertEquals(6, probes.get());
    }

    @Test
    void theStoreBackIsSeenAtTheNextProbeAndTheBackoffStartsOver() {
        up.set(false);
        gate.ready();
        advance(500);
        gate.ready();
        up.set(true);
        assertFalse(gate.ready(), "until the next probe is due");
        advance(gate.millisToNextProbe());
        assertTrue(gate.ready());
        up.set(false);
        assertFalse(gate.ready());
        assertEquals(500, gate.millisToNextProbe());
    }

    @Test
    void aProbeAfterAFailureIsMadeAtOnceWhateverTheBackoff() {
        up.set(false);
        gate.ready();
        up.set(true);
        assertTrue(gate.probeNow());
        assertEquals(2, probes.get());
    }
}
