package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A node as the orchestrator knows it: its info, membership and liveness. {@code Connection} mirrors the status. */
public record NodeState(
        @JsonProperty("Info") NodeInfo info,
        @JsonProperty("Membership") NodeMembership membership,
        @JsonProperty("ConnectionState") ConnectionState connectionState) {

    @JsonProperty("Connection")
    public NodeConnection connection() {
        return connectionState.status();
    }

    @JsonIgnore
    public String id() {
        return info.nodeId();
    }

    /** Approved, connected and able to compute: the only nodes the scheduler considers. */
    @JsonIgnore
    public boolean isSchedulable() {
        return info.isCompute() && membership == NodeMembership.APPROVED
                && connectionState.status() == NodeConnection.CONNECTED;
    }
}
