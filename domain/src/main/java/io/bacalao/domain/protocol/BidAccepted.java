package io.bacalao.domain.protocol;

/** The orchestrator approved the node's bid: run it. */
public record BidAccepted(String nodeId, String executionId, String jobId) implements ProtocolMessage {
}
