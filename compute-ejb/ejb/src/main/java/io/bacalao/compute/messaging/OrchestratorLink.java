package io.bacalao.compute.messaging;

import io.bacalao.broker.Addresses;
import io.bacalao.broker.client.BrokerClient;
import io.bacalao.broker.client.BrokerEndpoint;
import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The compute node's outbound side: everything it tells the orchestrator, logged in as its node ID with
 * {@code <Compute.Auth.Token>:<node secret>} (docs/broker-security.md).
 */
@ApplicationScoped
public class OrchestratorLink {
    @Inject
    ComputeSettings settings;
    private BrokerClient client;

    @PostConstruct
    void init() {
        client = new BrokerClient(new BrokerEndpoint(settings.brokerUrl(), settings.brokerUser(), settings.brokerPassword()));
    }

    /**
     * Sends a message to the orchestrator's queue for its type ({@link Addresses#inboxOf}); throws
     * BrokerUnavailableException (or BrokerAuthException) when it cannot.
     */
    public void send(ProtocolMessage m) {
        sendEncoded(ProtocolCodec.typeOf(m), ProtocolCodec.encode(m));
    }

    /** Sends a message already encoded (a stored report) to the orchestrator's queue for its type; throws as {@link #send}. */
    public void sendEncoded(String type, String body) {
        client.send(Addresses.inboxOf(type), body, Map.of(ProtocolMessage.TYPE_PROPERTY, type));
    }

    /** Sends a message to another queue of the orchestrator's broker (e.g. a log stream's queue). */
    public void sendTo(String queue, ProtocolMessage m) {
        client.send(queue, ProtocolCodec.encode(m), Map.of(ProtocolMessage.TYPE_PROPERTY, ProtocolCodec.typeOf(m)));
    }

    /** True when the broker takes this node's connection now (after a failed send: was it the broker, or the message?). */
    public boolean isReachable() {
        return client.isConnected();
    }

    public String brokerUrl() {
        return client.endpoint().url();
    }

    /** True when this node talks to the broker over TLS. */
    public boolean usesTls() {
        return client.endpoint().usesTls();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
