package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node's self-description. ComputeNodeInfo is absent for a pure orchestrator (Requester). */
public record NodeInfo(
        @JsonProperty("NodeID") String nodeId,
        @JsonProperty("NodeType") NodeType nodeType,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("SupportedProtocols") List<String> supportedProtocols,
        @JsonProperty("ComputeNodeInfo") @JsonInclude(JsonInclude.Include.NON_NULL) ComputeNodeInfo computeNodeInfo,
        @JsonProperty("BacalhauVersion") BuildVersionInfo version) {

    public NodeInfo {
        labels = labels == null ? Map.of() : new LinkedHashMap<>(labels);
        supportedProtocols = supportedProtocols == null ? List.of() : List.copyOf(supportedProtocols);
    }

    public boolean isCompute() {
        return nodeType == NodeType.Compute && computeNodeInfo != null;
    }
}
