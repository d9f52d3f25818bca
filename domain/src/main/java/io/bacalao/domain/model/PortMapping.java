package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A port a task exposes (Host and Bridge networks only). */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record PortMapping(
        @JsonProperty("Name") String name,
        @JsonProperty("Static") int staticPort,
        @JsonProperty("Target") int target,
        @JsonProperty("HostNetwork") String hostNetwork) {
}
