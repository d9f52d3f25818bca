package io.bacalao.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go duration strings as Bacalhau's config uses them (reference §7.1). */
class DurationsTest {

    @ParameterizedTest(name = "\"{0}\" = {1}")
    @CsvSource({
            "1m,      PT1M",
            "1m30s,   PT1M30S",
            "500ms,   PT0.5S",
            "2h,      PT2H",
            "1h30m,   PT1H30M",
            "0s,      PT0S",
            "0,       PT0S",
            "15,      PT15S",
            "1.5s,    PT1.5S",
            "1.5h,    PT1H30M",
            "100us,   PT0.0001S",
            "10ns,    PT0.00000001S",
            "' 30s ', PT30S",
    })
    void goDurationsParse(String text, Duration expected) {
        assertEquals(expected, Durations.parse(text));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", "  ", "abc", "1x", "m", "1m junk", "1d", "s1", "1 m"})
    void badDurationsAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }

    @ParameterizedTest(name = "{0} prints as \"{1}\"")
    @CsvSource({
            "PT0S,     0s",
            "PT0.5S,   500ms",
            "PT15S,    15s",
            "PT1.5S,   1.5s",
            "PT1M,     1m0s",
            "PT1M30S,  1m30s",
            "PT2H,     2h0m0s",
            "PT1H30M,  1h30m0s",
            "PT24H,    24h0m0s",
    })
    void durationsPrintInGoForm(Duration d, String text) {
        assertEquals(text, Durations.format(d));
    }

    @ParameterizedTest(name = "\"{0}\" survives a round trip")
    @ValueSource(strings = {"0s", "500ms", "30s", "1m0s", "1m30s", "2h0m0s", "1.5s"})
    void printedDurationsParseBack(String text) {
        assertEquals(text, Durations.format(Durations.parse(text)));
    }

    @Test
    void subMillisecondDurationsPrintInGoForm() {
        assertEquals("1.5ms", Durations.format(Duration.ofNanos(1_500_000)));
        assertEquals("1µs", Durations.format(Duration.ofNanos(1_000)));
    }
}
