package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Build information, as {@code /api/v1/agent/version} reports it. */
public record BuildVersionInfo(
        @JsonProperty("Major") @JsonInclude(JsonInclude.Include.NON_EMPTY) String major,
        @JsonProperty("Minor") @JsonInclude(JsonInclude.Include.NON_EMPTY) String minor,
        @JsonProperty("GitVersion") String gitVersion,
        @JsonProperty("GitCommit") String gitCommit,
        @JsonProperty("BuildDate") String buildDate,
        @JsonProperty("GOOS") String goos,
        @JsonProperty("GOARCH") String goarch) {
}
