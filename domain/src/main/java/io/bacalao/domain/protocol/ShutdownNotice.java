package io.bacalao.domain.protocol;

/** A compute node going away on purpose; the orchestrator marks it DISCONNECTED at once. */
public record ShutdownNotice(String nodeId, String reason) implements ProtocolMessage {
}
