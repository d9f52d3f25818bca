package io.bacalao.orchestrator.messaging;

import io.bacalao.broker.Addresses;
import io.bacalao.broker.client.BatchDrain;
import io.bacalao.broker.client.BatchSession;
import io.bacalao.broker.client.BrokerClient;
import io.bacalao.broker.client.BrokerEndpoint;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.protocol.Heartbeat;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.orchestrator.config.NodeSettings;
import io.bacalao.orchestrator.nodes.NodeManager;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The orchestrator's inbox ({@code bacalao.orchestrator}): {@code Orchestrator.Inbox.Consumers} threads, each with a
 * transacted broker session, take batches of up to {@code Orchestrator.Inbox.BatchSize} messages (waiting at most
 * {@code Orchestrator.Inbox.BatchWindow} for more after the first) and apply each batch with {@link InboxBatch}: the
 * reports in one transaction of the job store, locks taken in job ID order, node messages one by one. One more
 * thread takes heartbeats from {@code bacalao.orchestrator.liveness} the same way, so that no backlog of reports
 * can delay them until the liveness monitor declares their nodes gone (which re-placed running executions, and
 * made partitions run twice, under overload).
 *
 * <p>Delivery is at least once, and the job store is the truth. The batch's messages are acknowledged by one broker
 * commit after the job store has committed (and the outbox has sent), so a crash at any point loses nothing:
 * before the store's commit nothing of the batch is stored and the broker delivers it all again; between the two
 * commits the broker delivers again what is stored already, and report handling ignores a report it has applied
 * (docs/state-writer.md); messages the outbox had not sent yet are re-sent by the sweeps. A message that fails on
 * its own is handed back to the inbox by {@link InboxRetries} in the same broker commit that acknowledges it
 * (never both lost, never both kept), and dead-lettered after 10 deliveries. A message that cannot be read, or whose
 * sender may not speak for its node, is dropped (acknowledged) as before. While the broker is away each thread
 * retries its connection with a backoff (1 s doubling to 10 s).
 */
@ApplicationScoped
public class InboxConsumer {
    private static final Logger LOG = Logger.getLogger(InboxConsumer.class.getName());
    /** How long a receive waits for a first message before the thread looks whether it must stop. */
    static final long POLL_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    @Inject
    NodeSettings settings;
    @Inject
    ComputeMessageRouter router;
    @Inject
    NodeManager nodes;
    @Inject
    InboxTransaction transaction;
    @Inject
    Clock clock;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Thread> running = new ArrayList<>();
    private BrokerClient client;
    private LateHeartbeats lateHeartbeats;
    private BatchDrain drain;
    private InboxBatch batches;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        int size = settings.config().getInt(ConfigKeys.INBOX_BATCH_SIZE);
        int consumers = settings.config().getInt(ConfigKeys.INBOX_CONSUMERS);
        drain = new BatchDrain(size, settings.duration(ConfigKeys.INBOX_BATCH_WINDOW), System::nanoTime);
        batches = new InboxBatch(this::applyAll, router::route);
        lateHeartbeats = new LateHeartbeats(settings.duration(ConfigKeys.DISCONNECT_TIMEOUT).dividedBy(3), clock, LOG::warning);
        client = new BrokerClient(new BrokerEndpoint(settings.brokerUrl(), settings.brokerUser(), settings.brokerPassword()));
        for (int i = 0; i < Math.max(1, consumers); i++) startConsumer(Addresses.ORCHESTRATOR, "bacalao-inbox-" + i);
        startConsumer(Addresses.LIVENESS, "bacalao-liveness");
        LOG.info(() -> "inbox: " + consumers + " consumers, batches of up to " + size + " messages within "
                + settings.config().get(ConfigKeys.INBOX_BATCH_WINDOW));
    }

    /**
     * Applies decoded messages as one batch of the inbox, as a consumer thread does after taking them from the
     * broker; returns those that failed on their own (which the consumer would hand back to the inbox).
     */
    public List<ProtocolMessage> applyBatch(List<ProtocolMessage> batch) {
        return batches.apply(batch.stream().map(m -> new InboxBatch.Item<>(m, m)).toList()).stream()
                .map(f -> f.item().message()).toList();
    }

    private void applyAll(List<ProtocolMessage> ordered) {
        RuntimeException failed = transaction.applyAll(ordered, router::route);
        if (failed != null) throw failed;
    }

    private void startConsumer(String queue, String name) {
        Thread t = threads.newThread(() -> consume(queue));
        t.setName(name);
        t.start();
        running.add(t);
    }

    private void consume(String queue) {
        long backoff = 1000;
        while (stopped.getCount() > 0) {
            try (BatchSession session = client.openBatch(queue)) {
                backoff = 1000;
                while (stopped.getCount() > 0) {
                    List<Message> batch = drain.next(session::receive, POLL_MILLIS);
                    if (batch.isEmpty()) continue;
                    if (queue.equals(Addresses.LIVENESS)) {
                        lateHeartbeats.check(batch.stream().map(LateHeartbeats::sentAt).toList());
                        handleHeartbeats(session, batch);
                    } else {
                        handle(session, batch);
                    }
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // the session closes unacknowledged: the broker delivers the batch again (and dead-letters it at 10)
                if (stopped.getCount() == 0) return;
                long wait = backoff;
                LOG.log(Level.WARNING, e, () -> "inbox: " + e
                        + "; unacknowledged messages are delivered again; connecting again in " + wait + " ms");
                try {
                    if (stopped.await(wait, TimeUnit.MILLISECONDS)) return;
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private void handle(BatchSession session, List<Message> batch) {
        List<InboxBatch.Item<Message>> items = new ArrayList<>(batch.size());
        for (Message jms : batch) {
            ProtocolMessage m = InboxMessages.decode(jms);
            if (m != null) items.add(new InboxBatch.Item<>(jms, m));
        }
        for (InboxBatch.Failure<Message> f : batches.apply(items)) retry(session, f);
        session.commit();
    }

    /**
     * The liveness queue's batch: its heartbeats in one transaction ({@link NodeManager#heartbeats}); should that
     * fail, or anything else be in the batch, each message is handled as the inbox handles it.
     */
    private void handleHeartbeats(BatchSession session, List<Message> batch) {
        List<Heartbeat> beats = new ArrayList<>(batch.size());
        for (Message jms : batch) {
            if (InboxMessages.decode(jms) instanceof Heartbeat h) beats.add(h);
        }
        if (beats.size() == batch.size()) {
            try {
                nodes.heartbeats(beats);
                session.commit();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, e, () -> "a batch of " + beats.size() + " heartbeats failed; handling each on its own");
            }
        }
        handle(session, batch);
    }

    private void retry(BatchSession session, InboxBatch.Failure<Message> failure) {
        ProtocolMessage m = failure.item().message();
        InboxRetries.Copy copy = InboxRetries.copyOf(m, deliveries(failure.item().handle()), clock.instant());
        session.send(copy.queue(), ProtocolCodec.encode(m), copy.properties());
        LOG.log(Level.WARNING, failure.error(), () -> (copy.deadLettered() ? "dead-lettering " : "retrying ")
                + ProtocolCodec.typeOf(m) + " from node " + m.nodeId() + " after " + copy.deliveries()
                + " failed deliveries: " + failure.error());
    }

    private static int deliveries(Message m) {
        try {
            Object own = m.getObjectProperty(InboxRetries.DELIVERIES);
            int broker = m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : 1;
            return InboxRetries.deliveries(own instanceof Number n ? n.intValue() : null, broker);
        } catch (JMSException | RuntimeException e) {
            return 1;
        }
    }

    @PreDestroy
    void stop() {
        stopped.countDown();
        for (Thread t : running) {
            try {
                t.join(POLL_MILLIS * 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (client != null) client.close();
    }
}
