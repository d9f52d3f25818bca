package io.bacalao.domain.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Kubernetes label-selector text as `labels=` and `--constraints` accept it (reference §1.3, §2.7). */
class SelectorParseTest {

    @ParameterizedTest(name = "\"{0}\" is key {1}, operator {2}, values [{3}]")
    @CsvSource(delimiter = '|', value = {
            "env=prod            | env    | =      | prod",
            "env==prod           | env    | ==     | prod",
            "env!=prod           | env    | !=     | prod",
            "tier in (a,b)       | tier   | in     | a;b",
            "tier notin (a,b)    | tier   | notin  | a;b",
            "gpu                 | gpu    | exists | (none)",
            "!legacy             | legacy | !      | (none)",
            "cores>3             | cores  | gt     | 3",
            "cores<3             | cores  | lt     | 3",
            "env=                | env    | =      | ''",
            "example.com/zone=a  | example.com/zone | = | a",
    })
    void eachOperatorParses(String text, String key, String operator, String values) {
        Selector s = Selector.parse(text);

        assertEquals(1, s.requirements().size());
        Requirement r = s.requirements().get(0);
        assertEquals(key, r.key());
        assertEquals(operator, r.operator().symbol());
        assertEquals(valueList(values), r.values());
    }

    @ParameterizedTest(name = "\"{0}\" tolerates whitespace")
    @CsvSource(delimiter = '|', value = {
            "'  env = prod  '                 | env=prod",
            "'env=prod , region!=eu'          | env=prod;region!=eu",
            "'tier in ( a , b )'              | tier in (a,b)",
            "'tier in(a,b)'                   | tier in (a,b)",
            "'cores > 3'                      | cores>3",
            "' gpu , !legacy '                | gpu;!legacy",
    })
    void whitespaceBetweenTokensIsIgnored(String text, String expected) {
        List<String> printed = Selector.parse(text).requirements().stream().map(Requirement::toString).toList();

        assertEquals(Arrays.asList(expected.split(";")), printed);
    }

    @Test
    void whitespaceAfterTheNotExistsBangIsIgnoredAsKubernetesDoes() {
        // k8s' lexer skips blanks before every token, so "! legacy" equals "!legacy"
        assertEquals("!legacy", Selector.parse("! legacy").requirements().get(0).toString());
    }

    @Test
    void aSelectorIsAConjunctionInTextOrder() {
        Selector s = Selector.parse("env=prod,region!=eu,gpu,!legacy,tier in (a,b),cores>4");

        assertEquals(List.of("env=prod", "region!=eu", "gpu", "!legacy", "tier in (a,b)", "cores>4"),
                s.requirements().stream().map(Requirement::toString).toList());
    }

    @ParameterizedTest(name = "empty text \"{0}\" selects everything")
    @ValueSource(strings = {"", "   "})
    void emptyTextSelectsEverything(String text) {
        assertTrue(Selector.parse(text).isEmpty());
        assertTrue(Selector.parse(null).isEmpty());
    }

    @Test
    void repeatedParametersAreJoined() {
        Selector s = Selector.parseAll(List.of("env=prod", "gpu,tier in (a)"));

        assertEquals(3, s.requirements().size());
    }

    @Test
    void printedRequirementsParseBackToTheSame() {
        Selector s = Selector.parse("env=prod,env==prod,region!=eu,gpu,!legacy,tier in (a,b),tier notin (c),cores>4,cores<9");

        Selector again = Selector.parse(String.join(",", s.requirements().stream().map(Requirement::toString).toList()));

        assertEquals(s, again);
    }

    @Test
    void jsonConstraintsRoundTripThroughTheSelector() {
        Selector s = Selector.parse("region in (eu,us),gpu");

        assertEquals(s, Selector.of(s.toJson()));
        assertEquals("in", s.toJson().get(0).operator());
        assertEquals(List.of("eu", "us"), s.toJson().get(0).values());
    }

    @ParameterizedTest(name = "\"{0}\" is a parse error")
    @ValueSource(strings = {"a in", "a in (", "a in (b", "a in ()", "=x", "a,", ",a", "a b", "a foo (b)",
            "a=b c", "a>b", "a<", "!", "a in (b,c", "a notin"})
    void badTextIsRefusedWithAMessage(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Selector.parse(text));

        assertTrue(e.getMessage().startsWith("unable to parse requirement: "), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void aParseErrorSaysWhatWasExpected() {
        assertMessageContains("a in", "expected '('");
        assertMessageContains("=x", "expected key");
        assertMessageContains("a foo (b)", "unknown operator 'foo'");
        assertMessageContains("a in ()", "values set can't be empty");
        assertMessageContains("a>b", "must be an integer");
    }

    private static void assertMessageContains(String text, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Selector.parse(text));
        assertTrue(e.getMessage().contains(part), () -> "\"" + text + "\": " + e.getMessage());
    }

    private static List<String> valueList(String values) {
        return values.equals("(none)") ? List.of() : Arrays.asList(values.split(";", -1));
    }
}
