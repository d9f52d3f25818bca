package io.bacalao.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerDiskLimitTest {
    private static final long GIB = 1L << 30;

    @Test
    void belowTheLimitIsFine() {
        assertEquals(Optional.empty(), BrokerDiskLimit.problem("/data", 100 * GIB, 11 * GIB));
    }

    @Test
    void atOrAboveTheLimitSaysHowFullAndWhere() {
        assertEquals(Optional.of("the broker's disk is 90.0% full (/data; the broker stops taking messages at 90%):"
                + " free space there, then try again"), BrokerDiskLimit.problem("/data", 100 * GIB, 10 * GIB));
        assertEquals("the broker's disk is 99.5% full (/data; the broker stops taking messages at 90%): free space"
                + " there, then try again", BrokerDiskLimit.problem("/data", 200 * GIB, GIB).orElseThrow());
    }

    @Test
    void anUnknownSizeIsNoProblem() {
        assertEquals(Optional.empty(), BrokerDiskLimit.problem("/data", 0, 0));
    }
}
