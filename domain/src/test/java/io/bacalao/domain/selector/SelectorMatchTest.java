package io.bacalao.domain.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which nodes a selector picks, for a node labelled env=prod, region=eu, cores=4, arch=arm64. */
class SelectorMatchTest {
    private static final Map<String, String> NODE = Map.of("env", "prod", "region", "eu", "cores", "4", "arch", "arm64");

    @ParameterizedTest(name = "\"{0}\" matches: {1}")
    @CsvSource(delimiter = '|', value = {
            "env=prod                 | true",
            "env=dev                  | false",
            "env==prod                | true",
            "env==dev                 | false",
            "zone=eu                  | false",
            "env!=prod                | false",
            "env!=dev                 | true",
            "zone!=eu                 | true",
            "region in (eu,us)        | true",
            "region in (us,ap)        | false",
            "zone in (eu)             | false",
            "region notin (us)        | true",
            "region notin (eu,us)     | false",
            "zone notin (eu)          | true",
            "arch                     | true",
            "gpu                      | false",
            "!gpu                     | true",
            "!arch                    | false",
            "cores>3                  | true",
            "cores>4                  | false",
            "cores<5                  | true",
            "cores<4                  | false",
            "missing>1                | false",
            "missing<1                | false",
            "arch>1                   | false",
            "env=prod,region=eu       | true",
            "env=prod,region=us       | false",
            "''                       | true",
    })
    void everyOperatorMatchesAsKubernetesDoes(String selector, boolean matches) {
        assertEquals(matches, Selector.parse(selector).matches(NODE));
    }

    @Test
    void valuesAreCaseSensitive() {
        assertFalse(Selector.parse("env=Prod").matches(NODE));
    }

    @Test
    void preferencesNeverExcludeANode() {
        Selector s = Selector.parse("env=prod,favour_region=us,favour_gpu");

        assertTrue(s.matches(NODE));
        assertTrue(s.requirements().get(1).isPreference());
        assertFalse(s.requirements().get(0).isPreference());
    }

    @Test
    void aPreferenceComparesTheLabelWithoutItsPrefix() {
        Requirement favourEu = Selector.parse("favour_region=eu").requirements().get(0);
        Requirement favourUs = Selector.parse("favour_region=us").requirements().get(0);

        assertEquals("region", favourEu.labelKey());
        assertTrue(favourEu.matches(NODE));
        assertFalse(favourUs.matches(NODE));
    }

    @Test
    void aSelectorOfOnlyPreferencesMatchesANodeWithoutLabels() {
        assertTrue(Selector.parse("favour_region=us").matches(Map.of()));
        assertFalse(Selector.parse("region=us").matches(Map.of()));
    }
}
