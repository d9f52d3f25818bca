package io.bacalao.domain.protocol;

/** Liveness signal, sent every {@code Compute.Heartbeat.Interval}; seqNum grows by one per heartbeat. */
public record Heartbeat(String nodeId, long seqNum) implements ProtocolMessage {
}
