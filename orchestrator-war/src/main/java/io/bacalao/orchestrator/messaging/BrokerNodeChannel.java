package io.bacalao.orchestrator.messaging;

import io.bacalao.broker.Addresses;
import io.bacalao.broker.client.BrokerUnavailableException;
import io.bacalao.domain.model.NodeEvent;
import io.bacalao.domain.protocol.ExecutionStateRequest;
import io.bacalao.domain.protocol.HandshakeResponse;
import io.bacalao.domain.spec.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;

/**
 * {@link NodeChannel} over the broker. Node events are JSON of {@link NodeEvent} with the JMS properties
 * {@code BacalaoType=NodeEvent}, {@code NodeID} and {@code EventType} (for selectors); a broker that is away
 * loses them (the node list stays the truth).
 */
@ApplicationScoped
public class BrokerNodeChannel implements NodeChannel {
    private static final Logger LOG = Logger.getLogger(BrokerNodeChannel.class.getName());

    @Inject
    Broker broker;

    @Override
    public void tell(HandshakeResponse response) {
        broker.send(response);
    }

    @Override
    public void ask(ExecutionStateRequest request) {
        broker.send(request);
    }

    @Override
    public void publish(NodeEvent e) {
        try {
            broker.publish(Addresses.NODE_EVENTS, Json.write(e),
                    Map.of("BacalaoType", "NodeEvent", "NodeID", e.nodeId(), "EventType", e.type().name()));
        } catch (BrokerUnavailableException ex) {
            LOG.fine(() -> "node event not published (" + ex.getMessage() + "): " + e);
        }
    }

    @Override
    public void release(String nodeId) {
        broker.releaseNode(nodeId);
    }
}
