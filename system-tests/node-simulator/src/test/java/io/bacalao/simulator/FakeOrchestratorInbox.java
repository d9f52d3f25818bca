package io.bacalao.simulator;

import io.bacalao.broker.Addresses;
import io.bacalao.domain.protocol.HandshakeRequest;
import io.bacalao.domain.protocol.HandshakeResponse;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The orchestrator's side of the protocol for the simulator's own tests, logged in as the orchestrator: it accepts
 * every handshake and keeps every other message the nodes send, with the broker user that sent it. (End to end
 * against the real orchestrator: the system tests and B2.)
 */
final class FakeOrchestratorInbox implements AutoCloseable {
    record Received(ProtocolMessage message, String sender, String queue) {
    }

    private final Connection connection;
    private final Session out;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<HandshakeRequest> handshakes = new LinkedBlockingQueue<>();

    FakeOrchestratorInbox(String url, String password) throws JMSException {
        connection = new ActiveMQConnectionFactory(url).createConnection("bacalao-orchestrator", password);
        Session in = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        out = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        in.createConsumer(in.createQueue(Addresses.ORCHESTRATOR)).setMessageListener(m -> onMessage(m, Addresses.ORCHESTRATOR));
        in.createConsumer(in.createQueue(Addresses.LIVENESS)).setMessageListener(m -> onMessage(m, Addresses.LIVENESS));
        connection.start();
    }

    private void onMessage(Message message, String queue) {
        try {
            ProtocolMessage m = ProtocolCodec.decode(message.getStringProperty(ProtocolMessage.TYPE_PROPERTY),
                    ((TextMessage) message).getText());
            String sender = message.getStringProperty("_AMQ_VALIDATED_USER");
            if (m instanceof HandshakeRequest h) {
                handshakes.add(h);
                send(new HandshakeResponse(h.nodeId(), true, "APPROVED", ""));
            }
            received.add(new Received(m, sender, queue));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized void send(ProtocolMessage m) {
        try (MessageProducer p = out.createProducer(out.createQueue(Addresses.computeQueue(m.nodeId())))) {
            TextMessage t = out.createTextMessage(ProtocolCodec.encode(m));
            t.setStringProperty(ProtocolMessage.TYPE_PROPERTY, ProtocolCodec.typeOf(m));
            p.send(t);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message of this type that matches, skipping others (heartbeats, node info); fails after 20 s. */
    <T extends ProtocolMessage> T next(Class<T> type, Predicate<T> matches) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Received r = received.poll(100, TimeUnit.MILLISECONDS);
            if (r != null && type.isInstance(r.message()) && matches.test(type.cast(r.message()))) {
                return type.cast(r.message());
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " came within 20s");
    }

    /** The next message received (of any type), or null when none came within the timeout. */
    Received poll(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every message received so far that has not been taken by {@link #next}. */
    List<Received> drain() {
        List<Received> all = new java.util.ArrayList<>();
        received.drainTo(all);
        return all;
    }

    BlockingQueue<HandshakeRequest> handshakes() {
        return handshakes;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
