package io.bacalao.orchestrator.messaging;

import io.bacalao.broker.Addresses;
import io.bacalao.broker.client.BrokerClient;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a message of the orchestrator's inbox goes when it failed on its own, by whose fault ({@link Cause}):
 *
 * <ul>
 *   <li>the message's own (its handler failed while the job store was ready): back to the inbox after
 *       {@link #RETRY_DELAY_MILLIS} with its count of deliveries raised, and after {@link #MAX_DELIVERIES} to
 *       {@code bacalao.dlq}: the broker's own settings for every queue but the evaluations' (broker.xml:
 *       {@code redelivery-delay} 500, {@code max-delivery-attempts} 10), which the inbox applied when it rolled a
 *       failed message back;</li>
 *   <li>a dependency's (the job store was not ready when it failed): back to the inbox with its count of deliveries
 *       unchanged, after a backoff that doubles from {@link #RETRY_DELAY_MILLIS} up to {@link #MAX_BACKOFF_MILLIS}
 *       with each such failure, for as long as it takes; it is never dead-lettered for it.</li>
 * </ul>
 *
 * The inbox hands a copy back itself, in the same broker transaction that acknowledges the original, because the
 * broker counts a rollback against every message taken in that session: one poisoned report would push its whole
 * batch towards the dead-letter queue.
 */
final class InboxRetries {
    /** Property counting a message's deliveries across the inbox's own retries (1 on the first delivery). */
    static final String DELIVERIES = "BacalaoDeliveries";
    /** Property counting a message's failures for want of a dependency in a row (absent: none), for its backoff. */
    static final String DEPENDENCY_FAILURES = "BacalaoDependencyFailures";
    static final int MAX_DELIVERIES = 10;
    static final long RETRY_DELAY_MILLIS = 500;
    static final long MAX_BACKOFF_MILLIS = 30_000;

    /** Whose fault a failed delivery was. */
    enum Cause {
        /** The handler failed while its dependencies were ready: counts towards the dead-letter queue. */
        MESSAGE,
        /** A dependency (the job store) was not ready: the message waits for it, however long. */
        DEPENDENCY;

        /** The cause of a failure, from whether the dependencies were ready when it was seen. */
        static Cause of(boolean dependenciesReady) {
            return dependenciesReady ? MESSAGE : DEPENDENCY;
        }
    }

    /** The copy to send: to which queue, with which properties. */
    record Copy(String queue, Map<String, Object> properties, int deliveries) {
        boolean deadLettered() {
            return queue.equals(Addresses.DEAD_LETTERS);
        }
    }

    private InboxRetries() {
    }

    /**
     * The copy of a message that failed in its {@code deliveries}-th delivery ({@link #deliveries} of the
     * message read) through its own fault, back to the queue its type is sent to (a heartbeat to the liveness queue,
     * not behind the inbox's backlog).
     */
    static Copy copyOf(ProtocolMessage m, int deliveries, Instant now) {
        return copyOf(m, deliveries, 0, Cause.MESSAGE, now);
    }

    /**
     * The copy of a message that failed in its {@code deliveries}-th delivery, after {@code dependencyFailures}
     * failures in a row for want of a dependency before this one, for the given cause.
     */
    static Copy copyOf(ProtocolMessage m, int deliveries, int dependencyFailures, Cause cause, Instant now) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProtocolMessage.TYPE_PROPERTY, ProtocolCodec.typeOf(m));
        if (cause == Cause.DEPENDENCY) {
            props.put(DELIVERIES, deliveries);
            props.put(DEPENDENCY_FAILURES, dependencyFailures + 1);
            props.put(BrokerClient.SCHEDULED_DELIVERY, now.toEpochMilli() + backoffMillis(dependencyFailures + 1));
            return new Copy(Addresses.inboxOf(ProtocolCodec.typeOf(m)), props, deliveries);
        }
        props.put(DELIVERIES, deliveries + 1);
        if (deliveries >= MAX_DELIVERIES) return new Copy(Addresses.DEAD_LETTERS, props, deliveries);
        props.put(BrokerClient.SCHEDULED_DELIVERY, now.toEpochMilli() + RETRY_DELAY_MILLIS);
        return new Copy(Addresses.inboxOf(ProtocolCodec.typeOf(m)), props, deliveries);
    }

    /** The delay before the retry after the {@code failures}-th failure in a row for want of a dependency. */
    static long backoffMillis(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 16);
        return Math.min(RETRY_DELAY_MILLIS << doublings, MAX_BACKOFF_MILLIS);
    }

    /**
     * How often a message has been delivered, counting this delivery: the inbox's own count on a copy, and the
     * broker's on the original (a batch that the orchestrator did not survive is delivered again by the broker).
     */
    static int deliveries(Integer ownCount, int brokerCount) {
        int base = ownCount == null || ownCount < 1 ? 1 : ownCount;
        return base + Math.max(brokerCount, 1) - 1;
    }
}
