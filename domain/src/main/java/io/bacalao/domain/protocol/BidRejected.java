package io.bacalao.domain.protocol;

/** The orchestrator chose another node: forget the execution. */
public record BidRejected(String nodeId, String executionId, String jobId, String reason) implements ProtocolMessage {
}
