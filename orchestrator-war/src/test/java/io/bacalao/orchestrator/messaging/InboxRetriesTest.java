package io.bacalao.orchestrator.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.broker.Addresses;
import io.bacalao.broker.client.BrokerClient;
import io.bacalao.domain.protocol.Heartbeat;
import io.bacalao.domain.protocol.RunResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message that failed on its own goes back to the inbox after a delay, and to the dead-letter queue at the 10th. */
class InboxRetriesTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final RunResult REPORT = new RunResult("n-1", "e-1", "j-1", null, null, List.of());

    @Test
    void aFirstFailureGoesBackToTheInboxLaterWithItsCountRaised() {
        InboxRetries.Copy copy = InboxRetries.copyOf(REPORT, 1, NOW);
        assertEquals(Addresses.ORCHESTRATOR, copy.queue());
        assertFalse(copy.deadLettered());
        assertEquals(2, copy.properties().get(InboxRetries.DELIVERIES));
        assertEquals("RunResult", copy.properties().get("BacalaoType"));
        assertEquals(NOW.toEpochMilli() + InboxRetries.RETRY_DELAY_MILLIS, copy.properties().get(BrokerClient.SCHEDULED_DELIVERY));
    }

    @Test
    void aFailedHeartbeatGoesBackToTheLivenessQueueNotBehindTheInbox() {
        InboxRetries.Copy copy = InboxRetries.copyOf(new Heartbeat("n-1", 7), 1, NOW);
        assertEquals(Addresses.LIVENESS, copy.queue());
    }

    @Test
    void theTenthFailedDeliveryIsDeadLettered() {
        InboxRetries.Copy ninth = InboxRetries.copyOf(REPORT, 9, NOW);
        assertEquals(Addresses.ORCHESTRATOR, ninth.queue());
        InboxRetries.Copy tenth = InboxRetries.copyOf(REPORT, InboxRetries.MAX_DELIVERIES, NOW);
        assertTrue(tenth.deadLettered());
        assertFalse(tenth.properties().containsKey(BrokerClient.SCHEDULED_DELIVERY));
    }

    @Test
    void deliveriesCountTheInboxsCopiesAndTheBrokersRedeliveries() {
        assertEquals(1, InboxRetries.deliveries(null, 1), "an original on its first delivery");
        assertEquals(3, InboxRetries.deliveries(null, 3), "an original delivered again after two crashed batches");
        assertEquals(4, InboxRetries.deliveries(4, 1), "the inbox's fourth copy");
        assertEquals(5, InboxRetries.deliveries(4, 2), "that copy delivered again after a crash");
        assertEquals(1, InboxRetries.deliveries(null, 0), "a broker that does not count");
    }

    @Test
    void aFailureWhileTheJobStoreIsAwayIsNotCountedAndNeverDeadLettered() {
        InboxRetries.Copy copy = InboxRetries.copyOf(REPORT, InboxRetries.MAX_DELIVERIES, 0,
                InboxRetries.Cause.DEPENDENCY, NOW);
        assertEquals(Addresses.ORCHESTRATOR, copy.queue());
        assertFalse(copy.deadLettered());
        assertEquals(InboxRetries.MAX_DELIVERIES, copy.properties().get(InboxRetries.DELIVERIES), "its count stays");
        assertEquals(1, copy.properties().get(InboxRetries.DEPENDENCY_FAILURES));
        assertEquals(NOW.toEpochMilli() + 500, copy.properties().get(BrokerClient.SCHEDULED_DELIVERY));
    }

    @Test
    void waitingForADependencyBacksOffDoublingUpToThirtySeconds() {
        assertEquals(List.of(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L),
                java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(InboxRetries::backoffMillis).toList());
        assertEquals(30_000L, InboxRetries.backoffMillis(Integer.MAX_VALUE));
        InboxRetries.Copy fourth = InboxRetries.copyOf(REPORT, 2, 3, InboxRetries.Cause.DEPENDENCY, NOW);
        assertEquals(4, fourth.properties().get(InboxRetries.DEPENDENCY_FAILURES));
        assertEquals(NOW.toEpochMilli() + 4_000, fourth.properties().get(BrokerClient.SCHEDULED_DELIVERY));
    }

    @Test
    void aFailureWhileTheJobStoreIsReadyCountsAgainAndForgetsTheDependencyBackoff() {
        InboxRetries.Copy copy = InboxRetries.copyOf(REPORT, 3, 5, InboxRetries.Cause.MESSAGE, NOW);
        assertEquals(4, copy.properties().get(InboxRetries.DELIVERIES));
        assertFalse(copy.properties().containsKey(InboxRetries.DEPENDENCY_FAILURES));
        assertEquals(NOW.toEpochMilli() + InboxRetries.RETRY_DELAY_MILLIS, copy.properties().get(BrokerClient.SCHEDULED_DELIVERY));
    }

    @Test
    void whoseFaultAFailureIsFollowsTheJobStoresReadiness() {
        assertEquals(InboxRetries.Cause.MESSAGE, InboxRetries.Cause.of(true));
        assertEquals(InboxRetries.Cause.DEPENDENCY, InboxRetries.Cause.of(false));
    }
}
