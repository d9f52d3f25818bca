package io.bacalao.broker.client;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/** A consumer with its own session; {@link #next} waits up to a timeout for the next message. */
public final class Subscription implements AutoCloseable {
    private final Session session;
    private final MessageConsumer consumer;

    Subscription(Session session, MessageConsumer consumer) {
        this.session = session;
        this.consumer = consumer;
    }

    /** The next message, or null when none arrived within {@code timeoutMillis}. */
    public Message next(long timeoutMillis) {
        try {
            return consumer.receive(timeoutMillis);
        } catch (JMSException e) {
            throw new BrokerUnavailableException("lost the subscription: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            consumer.close();
            session.close();
        } catch (JMSException ignored) {
            // the connection is gone already
        }
    }
}
