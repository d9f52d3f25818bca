package io.bacalao.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-client token bucket on a hand-moved clock: no sleeping. */
class RateLimiterTest {
    private final MutableClock clock = new MutableClock();

    @Test
    void aClientGetsItsBurstThenOneRequestPerRefill() {
        RateLimiter limiter = new RateLimiter(10, clock);
        for (int i = 0; i < 10; i++) assertTrue(limiter.allow("10.0.0.1"), "request " + i + " of the burst");
        assertFalse(limiter.allow("10.0.0.1"), "the 11th in the same instant");
        clock.advance(Duration.ofMillis(100));
        assertTrue(limiter.allow("10.0.0.1"), "one token back after 1/10 s");
        assertFalse(limiter.allow("10.0.0.1"));
        clock.advance(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) assertTrue(limiter.allow("10.0.0.1"), "the bucket refills to its burst only");
        assertFalse(limiter.allow("10.0.0.1"));
    }

    @Test
    void clientsAreCountedSeparately() {
        RateLimiter limiter = new RateLimiter(1, clock);
        assertTrue(limiter.allow("10.0.0.1"));
        assertFalse(limiter.allow("10.0.0.1"));
        assertTrue(limiter.allow("10.0.0.2"));
    }

    @Test
    void zeroMeansNoLimit() {
        RateLimiter limiter = new RateLimiter(0, clock);
        for (int i = 0; i < 10_000; i++) assertTrue(limiter.allow("10.0.0.1"));
        assertEquals(0, limiter.clients());
    }

    @Test
    void theTableOfClientsStaysBounded() {
        RateLimiter limiter = new RateLimiter(5, clock);
        for (int i = 0; i < RateLimiter.MAX_CLIENTS; i++) limiter.allow("c" + i);
        clock.advance(Duration.ofMillis(RateLimiter.FORGET_AFTER_MILLIS + 1));
        assertTrue(limiter.allow("newcomer"));
        assertEquals(1, limiter.clients(), "idle clients were forgotten");
        for (int i = 0; i < 2 * RateLimiter.MAX_CLIENTS; i++) limiter.allow("busy" + i);
        assertTrue(limiter.clients() <= RateLimiter.MAX_CLIENTS);
    }
}
