package io.bacalao.domain.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalao.domain.model.LabelSelectorRequirement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON constraints ({@code {"Key","Operator","Values"}}) are checked before they are used (reference §2.7). */
class RequirementTest {

    @ParameterizedTest(name = "{0} {1} [{2}] is accepted")
    @CsvSource(delimiter = '|', value = {
            "region | in     | eu;us",
            "region | notin  | eu",
            "region | =      | eu",
            "region | ==     | eu",
            "region | !=     | eu",
            "gpu    | exists | ''",
            "gpu    | !      | ''",
            "cores  | gt     | 4",
            "cores  | lt     | -1",
            "region | IN     | eu",
    })
    void validConstraintsAreAccepted(String key, String operator, String values) {
        Requirement r = Requirement.of(new LabelSelectorRequirement(key, operator, list(values)));

        assertEquals(key, r.key());
        assertEquals(list(values), r.values());
    }

    @ParameterizedTest(name = "{0} {1} [{2}] -> {3}")
    @CsvSource(delimiter = '|', value = {
            "region | in     | ''     | for 'in', 'notin' operators, values set can't be empty",
            "region | notin  | ''     | for 'in', 'notin' operators, values set can't be empty",
            "gpu    | exists | yes    | values set must be empty for exists and does not exist",
            "gpu    | !      | yes    | values set must be empty for exists and does not exist",
            "cores  | gt     | abc    | for 'Gt', 'Lt' operators, the value must be an integer",
            "cores  | lt     | 1.5    | for 'Gt', 'Lt' operators, the value must be an integer",
            "cores  | gt     | 1;2    | for 'Gt', 'Lt' operators, exactly one value is required",
            "cores  | gt     | ''     | for 'Gt', 'Lt' operators, exactly one value is required",
            "region | =      | eu;us  | exact-match compatibility requires one single value",
            "region | !=     | ''     | exact-match compatibility requires one single value",
            "'  '   | =      | eu     | key must not be blank",
            "region | ~      | eu     | operator '~' is not recognized",
    })
    void invalidConstraintsAreRefusedWithTheRuleTheyBreak(String key, String operator, String values, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Requirement.of(new LabelSelectorRequirement(key, operator, list(values))));

        assertEquals(message, e.getMessage());
    }

    private static List<String> list(String values) {
        return values.isEmpty() ? List.of() : Arrays.asList(values.split(";"));
    }
}
