package io.bacalao.domain.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Compute.AllocatedCapacity: a share of the machine or an absolute amount (reference §5.1, §7.2). */
class CapacityLimitTest {

    @Test
    void aPercentageIsAShareOfWhatTheMachineHas() {
        assertEquals(6.4, CapacityLimit.parseCpu("80%").of(8), 1e-9);
        assertEquals(800, CapacityLimit.parseBytes("80%").of(1000), 1e-9);
    }

    @Test
    void anAbsoluteQuantityIgnoresTheMachine() {
        assertEquals(2, CapacityLimit.parseCpu("2").of(16), 1e-9);
        assertEquals(0.5, CapacityLimit.parseCpu("500m").of(16), 1e-9);
        assertEquals(4L * 1024 * 1024 * 1024, CapacityLimit.parseBytes("4Gi").of(1e12), 1);
    }

    @Test
    void gpuSharesRoundUpToWholeUnits() {
        assertEquals(2, CapacityLimit.parseCount("50%").wholeUnitsOf(3));
        assertEquals(3, CapacityLimit.parseCount("100%").wholeUnitsOf(3));
        assertEquals(1, CapacityLimit.parseCount("1").wholeUnitsOf(3));
    }

    @Test
    void badLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CapacityLimit.parseCpu("120%"));
        assertThrows(IllegalArgumentException.class, () -> CapacityLimit.parseBytes("lots"));
        assertThrows(IllegalArgumentException.class, () -> CapacityLimit.parseCount("1.5"));
    }
}
