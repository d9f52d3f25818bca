package io.bacalao.simulator;

import io.bacalao.broker.Addresses;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * One simulated node's broker connection, logged in as a real compute node is (user = node ID, password =
 * {@code <token>:<node secret>}, docs/broker-security.md): a consumer session on {@code bacalao.compute.<nodeId>}
 * whose listener runs on the Artemis client's global thread pool (no thread of its own), and a producer session
 * (one producer without a fixed destination) used under this object's lock for the orchestrator's queues
 * ({@link Addresses#inboxOf}: heartbeats to {@code bacalao.orchestrator.liveness}, the rest to
 * {@code bacalao.orchestrator}) and the node's log streams. The connection factory, its Netty event loop and
 * its thread pools are shared by every node of a simulator. Any failure marks the link broken; the node closes
 * and opens it again on a later tick (the broker keeps what was sent to its queue meanwhile).
 */
final class NodeLink implements AutoCloseable {
    private final ActiveMQConnectionFactory factory;
    private final String nodeId;
    private final String password;
    private final MessageListener listener;
    private volatile Connection connection;
    private Session out;
    private MessageProducer producer;
    /** The queues sent to on this connection: Artemis asks the broker about a queue each time one is created. */
    private final Map<String, Queue> destinations = new HashMap<>();
    private volatile boolean broken;

    NodeLink(ActiveMQConnectionFactory factory, String nodeId, String password, MessageListener listener) {
        this.factory = factory;
        this.nodeId = nodeId;
        this.password = password;
        this.listener = listener;
    }

    /** True when the connection is open and has not failed; never waits for a send in progress. */
    boolean isOpen() {
        return connection != null && !broken;
    }

    /**
     * Opens the connection and starts consuming, unless it is open; throws when the broker refuses or is away.
     * Called by one thread at a time (the node's tick). A broken connection is closed outside the lock: closing
     * waits for a listener still running, which may itself be waiting to send.
     */
    void open() throws JMSException {
        if (isOpen()) return;
        close();
        Connection c = factory.createConnection(nodeId, password);
        try {
            c.setExceptionListener(e -> broken = true);
            Session in = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            in.createConsumer(in.createQueue(Addresses.computeQueue(nodeId))).setMessageListener(listener);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(null);
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            synchronized (this) {
                out = s;
                producer = p;
                destinations.clear();
                broken = false;
                connection = c;
            }
            c.start();
        } catch (JMSException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Sends a message to the orchestrator's queue for its type (persistent: it returns once the broker has it). */
    synchronized void send(ProtocolMessage m) throws JMSException {
        sendTo(Addresses.inboxOf(ProtocolCodec.typeOf(m)), m);
    }

    /** Sends a message to a queue the node may write to (the orchestrator's, its own log streams). */
    synchronized void sendTo(String queue, ProtocolMessage m) throws JMSException {
        if (!isOpen()) throw new JMSException("not connected");
        try {
            TextMessage t = out.createTextMessage(ProtocolCodec.encode(m));
            t.setStringProperty(ProtocolMessage.TYPE_PROPERTY, ProtocolCodec.typeOf(m));
            Queue destination = destinations.get(queue);
            if (destination == null) {
                destination = out.createQueue(queue);
                destinations.put(queue, destination);
            }
            producer.send(destination, t);
        } catch (JMSException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    /** Closes the connection (outside the lock, see {@link #open}). */
    @Override
    public void close() {
        Connection c;
        synchronized (this) {
            c = connection;
            connection = null;
            out = null;
            producer = null;
            destinations.clear();
        }
        if (c != null) closeQuietly(c);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (JMSException | RuntimeException ignored) {
            // the connection is being discarded
        }
    }
}
