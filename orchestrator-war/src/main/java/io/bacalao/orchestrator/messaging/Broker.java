package io.bacalao.orchestrator.messaging;

import io.bacalao.broker.Addresses;
import io.bacalao.broker.client.BrokerClient;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.orchestrator.config.NodeSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * The orchestrator's outbound side of the broker: protocol messages to compute nodes, evaluations to workers. Logs
 * in with the orchestrator's own credentials (never the join token), which the broker grants every address.
 */
@ApplicationScoped
public class Broker {
    /** Message property carrying the evaluation ID on the evaluation queue. */
    public static final String EVALUATION_ID = "EvaluationID";

    @Inject
    NodeSettings settings;
    private BrokerClient client;

    @PostConstruct
    void init() {
        client = new BrokerClient(settings.brokerEndpoint());
    }

    public void send(ProtocolMessage m) {
        client.send(Addresses.computeQueue(m.nodeId()), ProtocolCodec.encode(m),
                Map.of(ProtocolMessage.TYPE_PROPERTY, ProtocolCodec.typeOf(m)));
    }

    /** Queues an evaluation, grouped by job so one job is evaluated at a time, delivered at its WaitUntil. */
    public void enqueue(Evaluation e) {
        Map<String, Object> props = new HashMap<>();
        props.put(EVALUATION_ID, e.id());
        props.put(BrokerClient.GROUP_ID, e.jobId());
        long deliverAtMillis = e.waitUntil() / 1_000_000;
        if (deliverAtMillis > System.currentTimeMillis()) props.put(BrokerClient.SCHEDULED_DELIVERY, deliverAtMillis);
        client.send(Addresses.EVALUATIONS, e.id(), props);
    }

    /** Publishes a JSON document on a topic (a multicast address) for whoever subscribes, e.g. node events. */
    public void publish(String topic, String json, Map<String, Object> properties) {
        client.publish(topic, json, properties);
    }

    /** Frees a deleted node's ID on the broker: it may register again with a new secret. */
    public void releaseNode(String nodeId) {
        client.publish(Addresses.NODE_RELEASE, "", Map.of(Addresses.NODE_ID_PROPERTY, nodeId));
    }

    /** A consumer of one queue with its own session (log streams); the caller closes it. */
    public io.bacalao.broker.client.Subscription subscribe(String queue) {
        return client.subscribe(queue);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
