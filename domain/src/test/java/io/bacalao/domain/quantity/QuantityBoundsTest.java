package io.bacalao.domain.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Found by the fuzz (QuantityFuzzTest): a CPU quantity beyond a double was read as Infinity cores. */
class QuantityBoundsTest {
    @ParameterizedTest
    @ValueSource(strings = {"1e400", "1e308k", "9e307Ei"})
    void aCpuQuantityBeyondADoubleIsRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantities.parseCpu(text));

        assertEquals("CPU quantity too large: " + text, e.getMessage());
    }
}
