package io.bacalao.domain.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The quantities users write in job specs and node config (reference §2.4, §7.2). */
class QuantitiesTest {

    @ParameterizedTest(name = "CPU \"{0}\" is {1} cores")
    @CsvSource({
            "500m,  0.5",
            "0.5,   0.5",
            "1,     1",
            "2,     2",
            "1.5,   1.5",
            "250m,  0.25",
            "2k,    2000",
            "1e3,   1000",
            "1Ki,   1024",
            "' 2 ', 2",
    })
    void cpuIsReadAsKubernetesQuantity(String text, double cores) {
        assertEquals(cores, Quantities.parseCpu(text), 1e-12);
    }

    @ParameterizedTest(name = "bytes \"{0}\" = {1}")
    @CsvSource({
            "512Mb,      512000000",
            "512MB,      512000000",
            "512mb,      512000000",
            "512M,       512000000",
            "512MiB,     536870912",
            "512Mi,      536870912",
            "1Gi,        1073741824",
            "1GiB,       1073741824",
            "10GB,       10000000000",
            "'1 GB',     1000000000",
            "1.5GB,      1500000000",
            "100,        100",
            "100B,       100",
            "'1,000KB',  1000000",
            "1kB,        1000",
            "2TB,        2000000000000",
    })
    void bytesAreReadLikeGoHumanize(String text, long bytes) {
        assertEquals(bytes, Quantities.parseBytes(text));
    }

    @ParameterizedTest(name = "percent \"{0}\" = {1}")
    @CsvSource({
            "85%,    0.85",
            "100%,   1.0",
            "'50 %', 0.5",
            "12.5%,  0.125",
    })
    void percentIsAFraction(String text, double fraction) {
        assertEquals(fraction, Quantities.parsePercent(text), 1e-12);
    }

    @ParameterizedTest(name = "CPU \"{0}\" is refused")
    @ValueSource(strings = {"abc", "-1", "1x", "m", "", "  ", "1.2.3"})
    void badCpuIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Quantities.parseCpu(text));
    }

    @ParameterizedTest(name = "bytes \"{0}\" are refused")
    @ValueSource(strings = {"abc", "-1", "-1GB", "2XB", "GB", "", "  ", "1 G B"})
    void badBytesAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Quantities.parseBytes(text));
    }

    @ParameterizedTest(name = "percent \"{0}\" is refused")
    @ValueSource(strings = {"101%", "0%", "-5%", "abc%", "85", ""})
    void badPercentIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Quantities.parsePercent(text));
    }

    @Test
    void nullIsRefusedByEveryParser() {
        assertThrows(IllegalArgumentException.class, () -> Quantities.parseCpu(null));
        assertThrows(IllegalArgumentException.class, () -> Quantities.parseBytes(null));
        assertThrows(IllegalArgumentException.class, () -> Quantities.parsePercent(null));
        assertThrows(IllegalArgumentException.class, () -> Quantities.parseCount(null));
    }

    @ParameterizedTest(name = "count \"{0}\" = {1}")
    @CsvSource({"0, 0", "1, 1", "8, 8"})
    void countsAreWholeNumbers(String text, long count) {
        assertEquals(count, Quantities.parseCount(text));
    }

    @ParameterizedTest(name = "count \"{0}\" is refused")
    @ValueSource(strings = {"-1", "1.5", "two", ""})
    void badCountIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Quantities.parseCount(text));
    }

    @ParameterizedTest(name = "{0} bytes print as \"{1}\"")
    @CsvSource({
            "0,             0 B",
            "9,             9 B",
            "10,            10 B",
            "999,           999 B",
            "1000,          1.0 kB",
            "1500,          1.5 kB",
            "536870912,     537 MB",
            "512000000,     512 MB",
            "1000000,       1.0 MB",
            "1100000000,    1.1 GB",
            "1000000000,    1.0 GB",
            "10000000000,   10 GB",
            "2000000000000, 2.0 TB",
    })
    void bytesPrintLikeGoHumanize(long bytes, String text) {
        assertEquals(text, Quantities.formatBytes(bytes));
    }

    @ParameterizedTest(name = "{0} cores print as \"{1}\"")
    @CsvSource({"0.5, 0.5", "2, 2", "1.25, 1.25", "0.1, 0.1", "0, 0"})
    void coresPrintWithoutTrailingZeros(double cores, String text) {
        assertEquals(text, Quantities.formatCpu(cores));
    }
}
