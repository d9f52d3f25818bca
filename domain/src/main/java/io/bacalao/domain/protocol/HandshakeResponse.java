package io.bacalao.domain.protocol;

/** The orchestrator's answer to a handshake. A refused node logs {@code reason} and retries with backoff. */
public record HandshakeResponse(String nodeId, boolean accepted, String membership, String reason)
        implements ProtocolMessage {
}
