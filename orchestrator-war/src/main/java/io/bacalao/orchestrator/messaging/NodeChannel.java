package io.bacalao.orchestrator.messaging;

import io.bacalao.domain.model.NodeEvent;
import io.bacalao.domain.protocol.ExecutionStateRequest;
import io.bacalao.domain.protocol.HandshakeResponse;

/**
 * What node lifecycle code may say to the outside, without knowing the broker: answers to a compute node's
 * handshake, questions about its executions when it (re)joins, node events for subscribers, and freeing a deleted node's ID. Each call sends now, so callers make
 * it after the change it reports has committed. Implemented over the broker by {@link BrokerNodeChannel}.
 */
public interface NodeChannel {
    /** Answers a compute node (its handshake, or "handshake required"); throws when the broker is away. */
    void tell(HandshakeResponse response);

    /** Asks a compute node where an execution stands; throws when the broker is away. */
    void ask(ExecutionStateRequest request);

    /** Publishes a node event on {@code bacalao.events.nodes}; best effort, never throws. */
    void publish(NodeEvent event);

    /** Frees a deleted node's ID on the broker so it may register again; throws when the broker is away. */
    void release(String nodeId);
}
