package io.bacalao.domain.protocol;

/**
 * Asks a node to stream an execution's output to {@code bacalao.logs.<streamId>}: from the start, or only new
 * output when {@code tail}; until the execution ends when {@code follow}, else what exists now.
 */
public record LogStreamRequest(String nodeId, String executionId, String streamId, boolean follow, boolean tail)
        implements ProtocolMessage {
}
