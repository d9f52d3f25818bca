package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Network access of a task. */
public record NetworkConfig(
        @JsonProperty("Type") NetworkType type,
        @JsonProperty("Domains") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> domains,
        @JsonProperty("Ports") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PortMapping> ports) {

    public static final NetworkConfig DEFAULT = new NetworkConfig(NetworkType.Default, null, null);

    public NetworkConfig {
        type = type == null ? NetworkType.Default : type;
        domains = domains == null ? List.of() : List.copyOf(domains);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
