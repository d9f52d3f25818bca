package io.bacalao.orchestrator.nodes;

import io.bacalao.domain.model.NodeConnection;
import io.bacalao.domain.model.NodeEvent;
import io.bacalao.domain.model.NodeMembership;
import io.bacalao.orchestrator.messaging.NodeChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Publishes membership and connection changes, after they are committed, on the topic {@code bacalao.events.nodes}
 * (JSON of {@link NodeEvent}; JMS properties {@code BacalaoType=NodeEvent}, {@code NodeID}, {@code EventType} for
 * selectors). Best effort: a subscriber that is away misses events, and a broker that is away loses them; the node
 * list stays the truth.
 */
@ApplicationScoped
public class NodeEvents {
    @Inject
    NodeChannel channel;
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
        channel.publish(e);
    }
}
