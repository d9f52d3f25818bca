package io.bacalao.domain.protocol;

import io.bacalao.domain.model.NodeInfo;

/** Fresh node info (capacity, counts), sent every {@code Compute.Heartbeat.InfoUpdateInterval} and on change. */
public record NodeInfoUpdate(String nodeId, NodeInfo nodeInfo) implements ProtocolMessage {
}
