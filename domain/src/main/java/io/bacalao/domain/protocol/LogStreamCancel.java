package io.bacalao.domain.protocol;

/**
 * Tells a node that nobody reads log stream {@code streamId} any more (the client left): the node stops streaming
 * to it. Idempotent; a stream that already ended, or that the node never had, is ignored.
 */
public record LogStreamCancel(String nodeId, String streamId) implements ProtocolMessage {
}
