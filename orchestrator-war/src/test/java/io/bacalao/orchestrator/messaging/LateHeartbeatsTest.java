package io.bacalao.orchestrator.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LateHeartbeatsTest {
    final Instant now = Instant.parse("2026-12-02T12:00:00Z");
    final List<String> warnings = new ArrayList<>();

    LateHeartbeats at(Instant t) {
        return new LateHeartbeats(Duration.ofSeconds(20), Clock.fixed(t, ZoneOffset.UTC), warnings::add);
    }

    long ago(int seconds) {
        return now.minusSeconds(seconds).toEpochMilli();
    }

    @Test
    void heartbeatsWithinTheLimitSayNothing() {
        at(now).check(List.of(ago(1), ago(19), 0L));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aLateHeartbeatIsToldWithTheWorstDelayAtMostOnceAMinute() {
        LateHeartbeats late = at(now);
        late.check(List.of(ago(5), ago(42), ago(30)));
        late.check(List.of(ago(50)));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("heartbeats reach the orchestrator up to 42s after"), warnings.get(0));
    }
}
