package io.bacalao.orchestrator.messaging;

import io.bacalao.broker.Addresses;
import io.bacalao.broker.client.BatchDrain;
import io.bacalao.broker.client.BatchSession;
import io.bacalao.broker.client.BrokerClient;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.protocol.Heartbeat;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.orchestrator.config.NodeSettings;
import io.bacalao.orchestrator.health.ReadinessChecks;
import io.bacalao.orchestrator.jobs.Failures;
import io.bacalao.orchestrator.nodes.LivenessMonitor;
import io.bacalao.orchestrator.nodes.NodeManager;
import io.bacalao.orchestrator.store.JobFailures;
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
import java.time.Instant;
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
 * (never both lost, never both kept). Whose fault the failure was decides what follows: when the job store was not
 * ready (its readiness check, probed right after the failure) the message waits for it with a backoff and is never
 * dead-lettered for it, and the thread takes no more messages until the job store is ready again
 * ({@link HealthGate}); otherwise the message is dead-lettered after 10 deliveries, and a report about an
 * execution fails its job with the reason ({@link JobFailures#failJob}). Both are counted ({@link DeadLetters}). A
 * message that cannot be read, or whose sender may not speak for its node, is dropped (acknowledged) and counted.
 * While the broker is away each thread retries its connection with a backoff (1 s doubling to 10 s); the liveness
 * thread tells the {@link LivenessMonitor} when it loses and regains the broker, so that no node is declared gone for
 * heartbeats that could not arrive.
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
    @Inject
    ReadinessChecks health;
    @Inject
    JobFailures failures;
    @Inject
    DeadLetters deadLetters;
    @Inject
    LivenessMonitor liveness;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Thread> running = new ArrayList<>();
    private BrokerClient client;
    private LateHeartbeats lateHeartbeats;
    private BatchDrain drain;
    private InboxBatch batches;
    private HealthGate jobStore;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        int size = settings.config().getInt(ConfigKeys.INBOX_BATCH_SIZE);
        int consumers = settings.config().getInt(ConfigKeys.INBOX_CONSUMERS);
        drain = new BatchDrain(size, settings.duration(ConfigKeys.INBOX_BATCH_WINDOW), System::nanoTime);
        batches = new InboxBatch(this::applyAll, router::route);
        jobStore = new HealthGate(health::jobStoreReady, clock);
        deadLetters.publishMetrics();
        lateHeartbeats = new LateHeartbeats(settings.duration(ConfigKeys.DISCONNECT_TIMEOUT).dividedBy(3), clock, LOG::warning);
        client = new BrokerClient(settings.brokerEndpoint());
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
                if (queue.equals(Addresses.LIVENESS)) liveness.heartbeatsCanArrive();
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
                if (queue.equals(Addresses.LIVENESS)) liveness.heartbeatsCannotArrive();
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
            else deadLetters.dropped();
        }
        boolean waitForJobStore = false;
        for (InboxBatch.Failure<Message> f : batches.apply(items)) {
            waitForJobStore |= retry(session, f) == InboxRetries.Cause.DEPENDENCY;
        }
        session.commit();
        if (waitForJobStore) awaitJobStore();
    }

    /** Takes no more messages until the job store is ready again (or the consumer stops). */
    private void awaitJobStore() {
        if (jobStore.ready()) return;
        LOG.warning(() -> "inbox: the job store is not ready; " + Thread.currentThread().getName()
                + " takes no more messages until it is");
        while (stopped.getCount() > 0 && !jobStore.ready()) {
            try {
                if (stopped.await(Math.max(jobStore.millisToNextProbe(), 50), TimeUnit.MILLISECONDS)) return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.info(() -> "inbox: the job store is ready again; " + Thread.currentThread().getName() + " goes on");
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

    /**
     * Hands a message that failed on its own back to the inbox, or to the dead-letter queue, as {@link InboxRetries}
     * decides from whose fault it was; a dead-lettered report fails its job. Returns the cause.
     */
    private InboxRetries.Cause retry(BatchSession session, InboxBatch.Failure<Message> failure) {
        ProtocolMessage m = failure.item().message();
        Message jms = failure.item().handle();
        InboxRetries.Cause cause = InboxRetries.Cause.of(jobStore.probeNow());
        int deliveries = deliveries(jms);
        int dependencyFailures = intProperty(jms, InboxRetries.DEPENDENCY_FAILURES);
        Instant now = clock.instant();
        InboxRetries.Copy copy = InboxRetries.copyOf(m, deliveries, dependencyFailures, cause, now);
        JobEnd end = copy.deadLettered() ? failJobOf(m, deliveries, failure.error()) : JobEnd.NONE;
        if (end == JobEnd.STORE_AWAY) {
            cause = InboxRetries.Cause.DEPENDENCY;
            copy = InboxRetries.copyOf(m, deliveries, dependencyFailures, cause, now);
        }
        session.send(copy.queue(), ProtocolCodec.encode(m), copy.properties());
        InboxRetries.Copy sent = copy;
        String type = ProtocolCodec.typeOf(m);
        if (cause == InboxRetries.Cause.DEPENDENCY) {
            deadLetters.dependencyRetry();
            LOG.log(Level.FINE, failure.error(), () -> "retrying " + type + " from node " + m.nodeId()
                    + " once the job store is ready (not counted against it): " + failure.error());
            return cause;
        }
        if (sent.deadLettered()) deadLetters.poisoned(type, end == JobEnd.FAILED);
        LOG.log(Level.WARNING, failure.error(), () -> (sent.deadLettered() ? "dead-lettering " : "retrying ")
                + type + " from node " + m.nodeId() + " after " + sent.deliveries()
                + " failed deliveries: " + failure.error());
        return cause;
    }

    /** What became of the job of a dead-lettered message. */
    private enum JobEnd {
        /** It failed with the reason (or had already ended). */
        FAILED,
        /** The message is not about a job, or failing it failed while the job store was ready. */
        NONE,
        /** The job store went away meanwhile: the message waits for it instead. */
        STORE_AWAY
    }

    /** Fails the job of a report that is dead-lettered, with the reason. */
    private JobEnd failJobOf(ProtocolMessage m, int deliveries, Throwable error) {
        String jobId = InboxMessages.reportJobId(m);
        if (jobId == null || jobId.isEmpty()) return JobEnd.NONE;
        String reason = DeadLetters.reason(ProtocolCodec.typeOf(m), m, InboxMessages.reportExecutionId(m), deliveries,
                Failures.describe(error));
        try {
            failures.failJob(jobId, reason, clock.instant());
            LOG.severe(() -> "job " + jobId + " fails: " + reason);
            return JobEnd.FAILED;
        } catch (RuntimeException e) {
            boolean away = !jobStore.probeNow();
            LOG.log(Level.WARNING, "could not fail job " + jobId + " of a dead-lettered report"
                    + (away ? " (the job store is not ready; the report waits for it): " : ": ") + Failures.describe(e));
            return away ? JobEnd.STORE_AWAY : JobEnd.NONE;
        }
    }

    private static int intProperty(Message m, String name) {
        try {
            return m.getObjectProperty(name) instanceof Number n ? n.intValue() : 0;
        } catch (JMSException | RuntimeException e) {
            return 0;
        }
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
