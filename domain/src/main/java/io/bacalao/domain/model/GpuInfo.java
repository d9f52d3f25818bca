package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One GPU of a node. Memory is in MiB. */
public record GpuInfo(
        @JsonProperty("Index") long index,
        @JsonProperty("Name") String name,
        @JsonProperty("Vendor") String vendor,
        @JsonProperty("Memory") long memory,
        @JsonProperty("PCIAddress") String pciAddress) {
}
