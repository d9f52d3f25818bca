package io.bacalao.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An instant is its whole seconds since the epoch in nanoseconds plus its nanosecond of the second. */
class UnixNanosTest {

    @Test
    void anInstantAfterTheEpochKeepsEveryNanosecond() {
        assertEquals(1_764_950_400_000_000_123L, UnixNanos.of(Instant.parse("2025-12-05T16:00:00.000000123Z")));
    }

    @Test
    void anInstantBeforeTheEpochIsNegative() {
        assertEquals(-500_000_000L, UnixNanos.of(Instant.parse("1969-12-31T23:59:59.5Z")));
    }
}
