package io.bacalao.orchestrator.nodes;

import io.bacalao.domain.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeardFromWindowTest {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    final MutableClock clock = new MutableClock();
    final HeardFromWindow window = new HeardFromWindow(clock);

    void pass(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void silenceIsBlamedOnlyOnceATimeoutPassedSinceTheStart() {
        pass(9);
        assertFalse(window.mayBlameSilenceOf(TIMEOUT));
        pass(1);
        assertTrue(window.mayBlameSilenceOf(TIMEOUT));
    }

    /** The fault ExternalBrokerIT provokes: the broker away for longer than the timeout. */
    @Test
    void noSilenceIsBlamedWhileTheBrokerIsAwayNorForATimeoutAfterItIsBack() {
        pass(60);
        window.brokerAway();
        pass(30);
        assertFalse(window.mayBlameSilenceOf(TIMEOUT), "the broker is away");
        window.brokerBack();
        pass(9);
        assertFalse(window.mayBlameSilenceOf(TIMEOUT), "the nodes had 9 s since the broker came back");
        pass(1);
        assertTrue(window.mayBlameSilenceOf(TIMEOUT));
    }

    @Test
    void theStoreAwayHoldsTheBlameTheSameWay() {
        pass(60);
        window.storeAway();
        assertTrue(window.storeWasAway());
        pass(30);
        assertFalse(window.mayBlameSilenceOf(TIMEOUT));
        window.storeBack();
        assertFalse(window.storeWasAway());
        pass(9);
        assertFalse(window.mayBlameSilenceOf(TIMEOUT));
        pass(1);
        assertTrue(window.mayBlameSilenceOf(TIMEOUT));
    }

    @Test
    void aConnectionThatWasNeverLostDoesNotRestartTheWindow() {
        pass(60);
        window.brokerBack();
        window.storeBack();
        assertTrue(window.mayBlameSilenceOf(TIMEOUT));
    }

    @Test
    void bothAwayHoldTheBlameUntilBothAreBack() {
        pass(60);
        window.brokerAway();
        window.storeAway();
        window.storeBack();
        pass(30);
        assertFalse(window.mayBlameSilenceOf(TIMEOUT), "the broker is still away");
        window.brokerBack();
        pass(10);
        assertTrue(window.mayBlameSilenceOf(TIMEOUT));
    }
}
