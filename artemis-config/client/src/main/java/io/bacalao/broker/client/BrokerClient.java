package io.bacalao.broker.client;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Sends text messages to broker queues over one shared connection, with one session and a producer per
 * destination for each sending thread (fixed producers are several times faster than anonymous ones).
 * Connects lazily and again on the first send after a failure (never blocking on a broker that is away); a
 * refused login surfaces as {@link BrokerAuthException}.
 */
public final class BrokerClient implements AutoCloseable {
    /** Artemis' scheduled-delivery property: the message is delivered at this epoch millisecond. */
    public static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";
    /** Standard JMS grouping: messages of one group go to one consumer, in order. */
    public static final String GROUP_ID = "JMSXGroupID";
    private static final Logger LOG = Logger.getLogger(BrokerClient.class.getName());

    private final BrokerEndpoint endpoint;
    private final ThreadLocal<Sender> senders = new ThreadLocal<>();
    private volatile Connection connection;
    private volatile long generation;
    private volatile boolean closed;

    public BrokerClient(BrokerEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public BrokerEndpoint endpoint() {
        return endpoint;
    }

    /** Sends a persistent text message with the given string/long properties to a queue (one consumer gets it). */
    public void send(String queue, String body, Map<String, Object> properties) {
        send(queue, false, body, properties);
    }

    /** Publishes a persistent text message to a topic (a multicast address): every subscriber gets a copy. */
    public void publish(String topic, String body, Map<String, Object> properties) {
        send(topic, true, body, properties);
    }

    private void send(String destination, boolean topic, String body, Map<String, Object> properties) {
        try {
            Sender s = sender();
            TextMessage m = s.session.createTextMessage(body);
            for (Map.Entry<String, Object> p : properties.entrySet()) m.setObjectProperty(p.getKey(), p.getValue());
            s.producer(destination, topic).send(m);
        } catch (JMSSecurityException e) {
            reset();
            throw new BrokerAuthException("the broker at " + endpoint.url() + " refused the login: " + e.getMessage(), e);
        } catch (JMSException | RuntimeException e) {
            reset();
            throw new BrokerUnavailableException("cannot send to " + destination + " at " + endpoint.url() + ": "
                    + describe(e), e);
        }
    }

    /** The message of an exception and of its root cause (Artemis wraps the interesting part, e.g. a TLS failure). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = String.valueOf(e.getMessage());
        return root == e || msg.contains(String.valueOf(root.getMessage())) ? msg
                : msg + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    /**
     * Opens a consumer on a queue with its own session, for a caller that reads messages itself (log streams).
     * Close it when done.
     */
    public Subscription subscribe(String queue) {
        try {
            Session session = connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
            return new Subscription(session, session.createConsumer(session.createQueue(queue)));
        } catch (JMSException | RuntimeException e) {
            reset();
            throw new BrokerUnavailableException("cannot subscribe to " + queue + " at " + endpoint.url() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a consumer on a queue in a transacted session of its own (see {@link BatchSession}), for a caller that
     * takes messages in batches. Close it when done; after a {@link BrokerUnavailableException} open another.
     */
    public BatchSession openBatch(String queue) {
        try {
            Session session = connection().createSession(true, Session.SESSION_TRANSACTED);
            return new BatchSession(session, session.createConsumer(session.createQueue(queue)));
        } catch (JMSSecurityException e) {
            reset();
            throw new BrokerAuthException("the broker at " + endpoint.url() + " refused the login: " + e.getMessage(), e);
        } catch (JMSException | RuntimeException e) {
            reset();
            throw new BrokerUnavailableException("cannot consume " + queue + " at " + endpoint.url() + ": " + describe(e), e);
        }
    }

    /** True when a connection is open (or can be opened now). */
    public boolean isConnected() {
        try {
            connection();
            return true;
        } catch (JMSException | RuntimeException e) {
            return false;
        }
    }

    private Sender sender() throws JMSException {
        Sender s = senders.get();
        if (s == null || s.generation != generation) {
            if (s != null) s.closeQuietly();
            s = new Sender(connection().createSession(false, Session.AUTO_ACKNOWLEDGE), generation);
            senders.set(s);
        }
        return s;
    }

    private Connection connection() throws JMSException {
        Connection c = connection;
        if (c != null) return c;
        synchronized (this) {
            if (closed) throw new jakarta.jms.IllegalStateException("the broker client is closed");
            if (connection == null) {
                ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(endpoint.failFastUrl());
                Connection fresh = endpoint.token().isEmpty() ? cf.createConnection()
                        : cf.createConnection(endpoint.user(), endpoint.token());
                if (closed) {   // closed while connecting: close() did not wait for this attempt
                    fresh.close();
                    throw new jakarta.jms.IllegalStateException("the broker client is closed");
                }
                fresh.setExceptionListener(e -> {
                    LOG.log(Level.FINE, "broker connection lost", e);
                    reset();
                });
                fresh.start();
                connection = fresh;
                generation++;
            }
            return connection;
        }
    }

    private synchronized void reset() {
        discard();
    }

    /** Drops the connection (senders of the old one open new sessions) and closes it. */
    private void discard() {
        Connection c = connection;
        connection = null;
        generation++;
        if (c != null) {
            try {
                c.close();
            } catch (JMSException | RuntimeException ignored) {
                // the connection is being discarded
            }
        }
    }

    /**
     * Closes the connection without waiting for a connection attempt in progress, which holds this client's lock:
     * against a broker that takes the TCP connection but never answers (a plain client at a TLS port), an attempt
     * lasts the call timeout (10 s), and a node stopping meanwhile outlived its stop grace. Such an attempt closes
     * what it opened and fails; sends after this throw.
     */
    @Override
    public void close() {
        closed = true;
        discard();   // not reset(): an attempt in progress holds its lock
    }

    private static final class Sender {
        final Session session;
        final long generation;
        final Map<String, MessageProducer> producers = new HashMap<>();

        Sender(Session session, long generation) {
            this.session = session;
            this.generation = generation;
        }

        MessageProducer producer(String destination, boolean topic) throws JMSException {
            String key = (topic ? "topic:" : "queue:") + destination;
            MessageProducer p = producers.get(key);
            if (p == null) {
                p = session.createProducer(topic ? session.createTopic(destination) : session.createQueue(destination));
                p.setDeliveryMode(DeliveryMode.PERSISTENT);
                producers.put(key, p);
            }
            return p;
        }

        void closeQuietly() {
            try {
                session.close();
            } catch (JMSException | RuntimeException ignored) {
                // the session belongs to a discarded connection
            }
        }
    }
}
