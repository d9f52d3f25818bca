package io.bacalao.domain.protocol;

import io.bacalao.domain.model.NodeInfo;

/** A compute node introducing itself; {@code registered} is true when its DataDir says it joined before. */
public record HandshakeRequest(String nodeId, NodeInfo nodeInfo, boolean registered, long startedAtMillis)
        implements ProtocolMessage {
}
