package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Liveness of a node as the orchestrator sees it. Zero times are Go's zero time (0001-01-01T00:00:00Z). */
public record ConnectionState(
        @JsonProperty("Status") NodeConnection status,
        @JsonProperty("LastHeartbeat") Instant lastHeartbeat,
        @JsonProperty("LastComputeSeqNum") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long lastComputeSeqNum,
        @JsonProperty("LastOrchestratorSeqNum") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long lastOrchestratorSeqNum,
        @JsonProperty("ConnectedSince") Instant connectedSince,
        @JsonProperty("DisconnectedSince") Instant disconnectedSince,
        @JsonProperty("LastError") @JsonInclude(JsonInclude.Include.NON_EMPTY) String lastError) {

    /** Go's zero time, which Bacalhau prints for "never". */
    public static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    public ConnectionState {
        lastHeartbeat = lastHeartbeat == null ? ZERO_TIME : lastHeartbeat;
        connectedSince = connectedSince == null ? ZERO_TIME : connectedSince;
        disconnectedSince = disconnectedSince == null ? ZERO_TIME : disconnectedSince;
        lastError = lastError == null ? "" : lastError;
    }

    public static ConnectionState connected(Instant now) {
        return new ConnectionState(NodeConnection.CONNECTED, now, 0, 0, now, null, null);
    }
}
