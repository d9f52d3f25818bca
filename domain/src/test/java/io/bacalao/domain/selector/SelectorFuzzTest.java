package io.bacalao.domain.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzz of the label selector parser (issue 10): any text is parsed or refused with an
 * {@link IllegalArgumentException}; what is parsed matches labels without throwing and prints to a text that parses
 * to the same requirements.
 */
class SelectorFuzzTest {

    @Property(tries = 1000)
    void selectorTextIsParsedOrRefused(@ForAll("selectors") String text) {
        parseAndUse(text);
    }

    @Property(tries = 500)
    void anyTextIsParsedOrRefused(@ForAll String text) {
        parseAndUse(text);
    }

    @Property(tries = 500)
    void aJsonConstraintIsValidatedOrRefused(@ForAll("words") String key, @ForAll("operators") String op,
                                             @ForAll("wordLists") List<String> values) {
        try {
            Requirement r = Requirement.of(new LabelSelectorRequirement(key, op, values));
            r.matches(Map.of(key, "1", "x", "y"));
        } catch (IllegalArgumentException expected) {
            // refused with a message
        }
    }

    @Provide
    Arbitrary<String> selectors() {
        return Arbitraries.strings().withChars("abcXYZ019-_./ =!<>(),inotgltexs\t").ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("", "a", "favour_a", "99999999999999999999", "-1", "1"));
    }

    @Provide
    Arbitrary<String> operators() {
        return Arbitraries.oneOf(Arbitraries.of("=", "==", "!=", "in", "notin", "exists", "!", "gt", "lt", "Gt", "", "?"),
                Arbitraries.strings().ofMaxLength(5));
    }

    @Provide
    Arbitrary<List<String>> wordLists() {
        return words().list().ofMaxSize(3);
    }

    private static void parseAndUse(String text) {
        Selector s;
        try {
            s = Selector.parse(text);
        } catch (IllegalArgumentException expected) {
            return;
        }
        s.matches(Map.of("a", "1", "b", "x"));
        String printed = String.join(",", s.requirements().stream().map(Requirement::toString).toList());
        assertEquals(s.requirements(), Selector.parse(printed).requirements(), "printed as " + printed);
    }
}
