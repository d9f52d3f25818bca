package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Data a task reads: where it comes from (Source) and where it is mounted (Target, absolute). */
public record InputSource(
        @JsonProperty("Source") SpecConfig source,
        @JsonProperty("Alias") @JsonInclude(JsonInclude.Include.NON_EMPTY) String alias,
        @JsonProperty("Target") String target) {

    public InputSource {
        alias = alias == null ? "" : alias;
        target = target == null ? "" : target;
    }
}
