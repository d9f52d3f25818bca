package io.bacalao.orchestrator.nodes;

import io.bacalao.broker.Addresses;
import io.bacalao.broker.client.BrokerUnavailableException;
import io.bacalao.domain.model.NodeConnection;
import io.bacalao.domain.model.NodeEvent;
import io.bacalao.domain.model.NodeMembership;
import io.bacalao.domain.spec.Json;
import io.bacalao.orchestrator.messaging.Broker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Publishes membership and connection changes, after they are committed, on the topic {@code bacalao.events.nodes}
 * (JSON of {@link NodeEvent}; JMS properties {@code BacalaoType=NodeEvent}, {@code NodeID}, {@code EventType} for
 * selectors). Best effort: a subscriber that is away misses events, and a broker that is away loses them; the node
 * list stays the truth.
 */
@ApplicationScoped
public class NodeEvents {
    private static final Logger LOG = Logger.getLogger(NodeEvents.class.getName());

    @Inject
    Broker broker;
    @Inject
    Clock clock;

    public void membership(String nodeId, NodeMembership from, NodeMembership to, String message) {
        if (from != to) publish(NodeEvent.membership(nodeId, from, to, message, clock.instant()));
    }

    public void connection(String nodeId, NodeConnection from, NodeConnection to, String message) {
        if (from != to) publish(NodeEvent.connection(nodeId, from, to, message, clock.instant()));
    }

    public void deleted(String nodeId, NodeMembership last, String message) {
        publish(NodeEvent.deleted(nodeId, last, message, clock.instant()));
    }

    private void publish(NodeEvent e) {
        try {
            broker.publish(Addresses.NODE_EVENTS, Json.write(e),
                    Map.of("BacalaoType", "NodeEvent", "NodeID", e.nodeId(), "EventType", e.type().name()));
        } catch (BrokerUnavailableException ex) {
            LOG.fine(() -> "node event not published (" + ex.getMessage() + "): " + e);
        }
    }
}
