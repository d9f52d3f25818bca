package io.bacalao.orchestrator.nodes;

import static io.bacalao.orchestrator.nodes.HeardFromWindow.Path.BROKER;
import static io.bacalao.orchestrator.nodes.HeardFromWindow.Path.STORE;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    /** With BROKER, the fault ExternalBrokerIT provokes: the broker away for longer than the timeout. */
    @ParameterizedTest
    @EnumSource(HeardFromWindow.Path.class)
    void noSilenceIsBlamedWhileAPathIsAwayNorForATimeoutAfterItIsBack(HeardFromWindow.Path path) {
        pass(60);
        window.away(path);
        assertTrue(window.isAway(path));
        pass(30);
        assertFalse(window.mayBlameSilenceOf(TIMEOUT), path + " is away");
        window.back(path);
        assertFalse(window.isAway(path));
        pass(9);
        assertFalse(window.mayBlameSilenceOf(TIMEOUT), "the nodes had 9 s since " + path + " came back");
        pass(1);
        assertTrue(window.mayBlameSilenceOf(TIMEOUT));
    }

    @Test
    void aPathThatWasNeverLostDoesNotRestartTheWindow() {
        pass(60);
        window.back(BROKER);
        window.back(STORE);
        assertTrue(window.mayBlameSilenceOf(TIMEOUT));
    }

    @Test
    void bothAwayHoldTheBlameUntilBothAreBack() {
        pass(60);
        window.away(BROKER);
        window.away(STORE);
        window.back(STORE);
        pass(30);
        assertFalse(window.mayBlameSilenceOf(TIMEOUT), "the broker is still away");
        window.back(BROKER);
        pass(10);
        assertTrue(window.mayBlameSilenceOf(TIMEOUT));
    }
}
