package io.bacalao.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.spec.Json;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An outside system listening to the orchestrator's node events (topic bacalao.events.nodes) over plain JMS, logged
 * in as an observer ({@code observer:<name>} with the join token, docs/broker-security.md).
 */
public final class NodeEventsSubscriber implements AutoCloseable {
    private final Connection connection;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    public NodeEventsSubscriber(String brokerUrl, String token) throws JMSException {
        connection = new ActiveMQConnectionFactory(brokerUrl).createConnection("observer:it", token);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createTopic("bacalao.events.nodes")).setMessageListener(m -> {
            try {
                events.add(Json.mapper().readTree(((TextMessage) m).getText()));
            } catch (JMSException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        connection.start();
    }

    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** Waits for an event of this node matching the predicate and returns it. */
    public JsonNode await(String nodeId, Predicate<JsonNode> match, Duration timeout) {
        Waits.until("a node event of " + nodeId + " (seen: " + events + ")", timeout, () -> find(nodeId, match) != null);
        return find(nodeId, match);
    }

    private JsonNode find(String nodeId, Predicate<JsonNode> match) {
        return events.stream().filter(e -> e.get("NodeID").asText().equals(nodeId)).filter(match).findFirst().orElse(null);
    }

    public static Predicate<JsonNode> is(String type, String current) {
        return e -> e.get("Type").asText().equals(type) && e.get("Current").asText().equals(current);
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
