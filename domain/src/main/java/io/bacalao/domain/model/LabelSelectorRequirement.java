package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One node-label constraint: Key, Operator (=, ==, !=, in, notin, exists, !, gt, lt) and Values. */
public record LabelSelectorRequirement(
        @JsonProperty("Key") String key,
        @JsonProperty("Operator") String operator,
        @JsonProperty("Values") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> values) {

    public LabelSelectorRequirement {
        key = key == null ? "" : key;
        operator = operator == null ? "" : operator;
        values = values == null ? List.of() : List.copyOf(values);
    }
}
