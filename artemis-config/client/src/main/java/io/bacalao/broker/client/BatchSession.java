package io.bacalao.broker.client;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Map;

/**
 * A consumer of one queue in a transacted (broker-local) session, for callers that take messages in batches: what
 * they {@link #receive} and what they {@link #send} in the meantime is acknowledged and published together by
 * {@link #commit}, or not at all. {@link #rollback} (and a session that dies with its process) hands every received
 * message back to the broker, which counts it as one failed delivery. Used by one thread at a time.
 */
public final class BatchSession implements AutoCloseable {
    private final Session session;
    private final MessageConsumer consumer;
    private final MessageProducer producer;

    BatchSession(Session session, MessageConsumer consumer) throws JMSException {
        this.session = session;
        this.consumer = consumer;
        this.producer = session.createProducer(null);
        this.producer.setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    /** The next message, waiting up to {@code timeoutMillis} (0 or less: only one already here), or null. */
    public Message receive(long timeoutMillis) {
        try {
            return timeoutMillis <= 0 ? consumer.receiveNoWait() : consumer.receive(timeoutMillis);
        } catch (JMSException | RuntimeException e) {
            throw new BrokerUnavailableException("lost the consumer: " + BrokerClient.describe(e), e);
        }
    }

    /** Sends a text message to a queue as part of this session's transaction (published by {@link #commit}). */
    public void send(String queue, String body, Map<String, Object> properties) {
        try {
            TextMessage m = session.createTextMessage(body);
            for (Map.Entry<String, Object> p : properties.entrySet()) m.setObjectProperty(p.getKey(), p.getValue());
            producer.send(session.createQueue(queue), m);
        } catch (JMSException | RuntimeException e) {
            throw new BrokerUnavailableException("cannot send to " + queue + ": " + BrokerClient.describe(e), e);
        }
    }

    /** Acknowledges everything received and publishes everything sent since the last commit or rollback. */
    public void commit() {
        try {
            session.commit();
        } catch (JMSException | RuntimeException e) {
            throw new BrokerUnavailableException("cannot commit the consumer's session: " + BrokerClient.describe(e), e);
        }
    }

    /** Hands everything received since the last commit back to the broker (one failed delivery each). */
    public void rollback() {
        try {
            session.rollback();
        } catch (JMSException | RuntimeException e) {
            throw new BrokerUnavailableException("cannot roll back the consumer's session: " + BrokerClient.describe(e), e);
        }
    }

    @Override
    public void close() {
        try {
            consumer.close();
            session.close();
        } catch (JMSException | RuntimeException ignored) {
            // the connection is gone already
        }
    }
}
