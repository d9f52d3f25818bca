package io.bacalao.container.support;

import io.bacalao.broker.client.Subscription;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A queue a test reads as a peer node would: each message decoded by its type property, and every message read
 * kept in order ({@link #received}) so a test can look back at what came before. Not thread-safe: one reader.
 */
public final class ProtocolInbox implements AutoCloseable {
    private final Subscription subscription;
    private final String name;
    private final List<ProtocolMessage> received = new ArrayList<>();

    /** {@code name}: how failures name this queue, e.g. "the orchestrator's inbox". */
    public ProtocolInbox(Subscription subscription, String name) {
        this.subscription = subscription;
        this.name = name;
    }

    /** The next message, decoded and kept, or null when none came within {@code timeoutMillis}. */
    public ProtocolMessage next(long timeoutMillis) {
        Message m = subscription.next(timeoutMillis);
        if (m == null) return null;
        try {
            ProtocolMessage decoded = ProtocolCodec.decode(m.getStringProperty(ProtocolMessage.TYPE_PROPERTY),
                    ((TextMessage) m).getText());
            received.add(decoded);
            return decoded;
        } catch (JMSException e) {
            throw new AssertionError("unreadable message on " + name, e);
        }
    }

    /** Every message read so far, oldest first (a live view). */
    public List<ProtocolMessage> received() {
        return received;
    }

    @Override
    public void close() {
        subscription.close();
    }
}
