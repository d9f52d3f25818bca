package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A change in a node's membership or connection, as the orchestrator publishes it on the topic
 * {@code bacalao.events.nodes} for any subscriber. {@code Previous}/{@code Current} hold the enum names
 * (PENDING/APPROVED/REJECTED, CONNECTED/DISCONNECTED); Previous is empty for a node seen the first time and
 * Current is empty for a deleted node. Time is RFC 3339.
 */
public record NodeEvent(
        @JsonProperty("NodeID") String nodeId,
        @JsonProperty("Type") Type type,
        @JsonProperty("Previous") String previous,
        @JsonProperty("Current") String current,
        @JsonProperty("Message") String message,
        @JsonProperty("Time") Instant time) {

    public enum Type {
        /** Membership changed: registered, approved, rejected. */
        MEMBERSHIP,
        /** Connection changed: connected, disconnected (missed heartbeats, shutdown notice, rejection). */
        CONNECTION,
        /** The node record was deleted; the node may register again. */
        DELETED
    }

    public NodeEvent {
        previous = previous == null ? "" : previous;
        current = current == null ? "" : current;
        message = message == null ? "" : message;
    }

    public static NodeEvent membership(String nodeId, NodeMembership from, NodeMembership to, String message, Instant time) {
        return new NodeEvent(nodeId, Type.MEMBERSHIP, from == null ? "" : from.name(), to.name(), message, time);
    }

    public static NodeEvent connection(String nodeId, NodeConnection from, NodeConnection to, String message, Instant time) {
        return new NodeEvent(nodeId, Type.CONNECTION, from == null ? "" : from.name(), to.name(), message, time);
    }

    public static NodeEvent deleted(String nodeId, NodeMembership last, String message, Instant time) {
        return new NodeEvent(nodeId, Type.DELETED, last == null ? "" : last.name(), "", message, time);
    }
}
