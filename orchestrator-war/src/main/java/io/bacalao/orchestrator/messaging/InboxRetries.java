package io.bacalao.orchestrator.messaging;

import io.bacalao.broker.Addresses;
import io.bacalao.broker.client.BrokerClient;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a message of the orchestrator's inbox goes when it failed on its own: back to the inbox after
 * {@link #RETRY_DELAY_MILLIS}, with its count of deliveries raised, or, after {@link #MAX_DELIVERIES}, to
 * {@code bacalao.dlq}, where {@link DeadLetterMdb} logs and drops it (the job store is the truth; the sweeps re-send
 * what is still needed). These are the broker's own settings for every queue but the evaluations' (broker.xml:
 * {@code redelivery-delay} 500, {@code max-delivery-attempts} 10), which the inbox applied when it rolled a failed
 * message back. The inbox now hands a copy back itself, in the same broker transaction that acknowledges the
 * original, because the broker counts a rollback against every message taken in that session: one poisoned
 * report would push its whole batch towards the dead-letter queue.
 */
final class InboxRetries {
    /** Property counting a message's deliveries across the inbox's own retries (1 on the first delivery). */
    static final String DELIVERIES = "BacalaoDeliveries";
    static final int MAX_DELIVERIES = 10;
    static final long RETRY_DELAY_MILLIS = 500;

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
     * message read), back to the queue its type is sent to (a heartbeat to the liveness queue, not behind the
     * inbox's backlog).
     */
    static Copy copyOf(ProtocolMessage m, int deliveries, Instant now) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProtocolMessage.TYPE_PROPERTY, ProtocolCodec.typeOf(m));
        props.put(DELIVERIES, deliveries + 1);
        if (deliveries >= MAX_DELIVERIES) return new Copy(Addresses.DEAD_LETTERS, props, deliveries);
        props.put(BrokerClient.SCHEDULED_DELIVERY, now.toEpochMilli() + RETRY_DELAY_MILLIS);
        return new Copy(Addresses.inboxOf(ProtocolCodec.typeOf(m)), props, deliveries);
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
