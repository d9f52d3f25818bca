package io.bacalao.domain.quantity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.ResourcesConfig;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzz of the quantity parsers (issue 10): any text gives a finite, non-negative value or an
 * {@link IllegalArgumentException}, never another exception.
 */
class QuantityFuzzTest {

    @Property(tries = 1000)
    void cpuIsFiniteOrRefused(@ForAll("quantities") String text) {
        check(text, Quantities::parseCpu);
    }

    @Property(tries = 1000)
    void bytesAreNonNegativeOrRefused(@ForAll("quantities") String text) {
        check(text, s -> (double) Quantities.parseBytes(s));
    }

    @Property(tries = 500)
    void percentagesAndCountsAreNonNegativeOrRefused(@ForAll("quantities") String text) {
        check(text, Quantities::parsePercent);
        check(text, s -> (double) Quantities.parseCount(s));
    }

    @Property(tries = 500)
    void anyTextIsParsedOrRefused(@ForAll String text) {
        check(text, Quantities::parseCpu);
        check(text, s -> (double) Quantities.parseBytes(s));
        check(text, Quantities::parsePercent);
    }

    @Property(tries = 500)
    void taskResourcesAreParsedOrRefused(@ForAll("quantities") String cpu, @ForAll("quantities") String memory,
                                         @ForAll("quantities") String gpu) {
        try {
            Resources r = Resources.parse(new ResourcesConfig(cpu, memory, memory, gpu));
            assertTrue(Double.isFinite(r.cpu()) && r.memory() >= 0 && r.gpu() >= 0, r.toString());
        } catch (IllegalArgumentException expected) {
            // refused with a message
        }
    }

    /** Text from the quantity alphabet: digits, signs, dots, exponents, unit letters, commas, spaces, percent. */
    @Provide
    Arbitrary<String> quantities() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.+-eEmkKMGTPEibB ,%").ofMaxLength(40),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(400)
                        .flatMap(n -> Arbitraries.of("", "m", "k", "Ei", "e400", "e-400", "EB", "EiB", "%", ".5")
                                .map(u -> n + u)));
    }

    private static void check(String text, Function<String, Double> parser) {
        try {
            double v = parser.apply(text);
            assertTrue(Double.isFinite(v) && v >= 0, text + " -> " + v);
        } catch (IllegalArgumentException expected) {
            // refused with a message
        }
    }
}
