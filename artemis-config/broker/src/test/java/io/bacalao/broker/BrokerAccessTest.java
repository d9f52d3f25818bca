package io.bacalao.broker;

import static org.apache.activemq.artemis.core.security.CheckType.BROWSE;
import static org.apache.activemq.artemis.core.security.CheckType.CONSUME;
import static org.apache.activemq.artemis.core.security.CheckType.CREATE_ADDRESS;
import static org.apache.activemq.artemis.core.security.CheckType.CREATE_DURABLE_QUEUE;
import static org.apache.activemq.artemis.core.security.CheckType.CREATE_NON_DURABLE_QUEUE;
import static org.apache.activemq.artemis.core.security.CheckType.DELETE_ADDRESS;
import static org.apache.activemq.artemis.core.security.CheckType.DELETE_DURABLE_QUEUE;
import static org.apache.activemq.artemis.core.security.CheckType.MANAGE;
import static org.apache.activemq.artemis.core.security.CheckType.SEND;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.broker.BrokerAccess.Identity;
import io.bacalao.broker.BrokerAccess.Kind;
import org.apache.activemq.artemis.core.security.CheckType;
import org.junit.jupiter.api.Test;

/** The authorisation rules: what the orchestrator, a compute node and an observer may do on which address. */
class BrokerAccessTest {
    static final Identity A = new Identity(Kind.NODE, "n-a");
    static final Identity OBSERVER = new Identity(Kind.OBSERVER, "observer:watcher");
    static final Identity ORCHESTRATOR = new Identity(Kind.ORCHESTRATOR, TokenSecurityManager.ORCHESTRATOR_USER);

    @Test
    void aNodeConsumesAndCreatesOnlyItsOwnQueue() {
        assertTrue(BrokerAccess.allows(A, CONSUME, "bacalao.compute.n-a::bacalao.compute.n-a"));
        assertTrue(BrokerAccess.allows(A, CREATE_ADDRESS, "bacalao.compute.n-a"));
        assertTrue(BrokerAccess.allows(A, CREATE_DURABLE_QUEUE, "bacalao.compute.n-a::bacalao.compute.n-a"));
        assertTrue(BrokerAccess.allows(A, BROWSE, "bacalao.compute.n-a::bacalao.compute.n-a"));
        assertFalse(BrokerAccess.allows(A, CONSUME, "bacalao.compute.n-b::bacalao.compute.n-b"));
        assertFalse(BrokerAccess.allows(A, CREATE_DURABLE_QUEUE, "bacalao.compute.n-b::bacalao.compute.n-b"));
        assertFalse(BrokerAccess.allows(A, CONSUME, "bacalao.orchestrator::bacalao.orchestrator"));
        assertFalse(BrokerAccess.allows(A, CONSUME, "bacalao.orchestrator.liveness::bacalao.orchestrator.liveness"));
        assertFalse(BrokerAccess.allows(A, CONSUME, "bacalao.evaluations::bacalao.evaluations"));
    }

    @Test
    void aNodeCannotSquatAnotherQueueNameOnItsOwnAddress() {
        assertFalse(BrokerAccess.allows(A, CREATE_DURABLE_QUEUE, "bacalao.compute.n-a::bacalao.compute.n-b"));
        assertFalse(BrokerAccess.allows(A, CONSUME, "bacalao.compute.n-a::bacalao.orchestrator"));
    }

    @Test
    void aNodeSendsOnlyToTheOrchestratorsInboxesAndItsOwnLogStreams() {
        assertTrue(BrokerAccess.allows(A, SEND, "bacalao.orchestrator"));
        assertTrue(BrokerAccess.allows(A, SEND, "bacalao.orchestrator.liveness"));
        assertTrue(BrokerAccess.allows(A, SEND, "bacalao.logs.n-a.5e1c7f0a-1b2c-4d3e-8f90-123456789abc"));
        assertFalse(BrokerAccess.allows(A, SEND, "bacalao.logs.n-b.5e1c7f0a"), "another node's stream");
        assertFalse(BrokerAccess.allows(A, SEND, "bacalao.logs.n-a.b.5e1c7f0a"), "node n-a.b's stream is not n-a's");
        assertFalse(BrokerAccess.allows(A, SEND, "bacalao.logs.n-a."));
        assertFalse(BrokerAccess.allows(A, SEND, "bacalao.compute.n-b"), "sending as the orchestrator");
        assertFalse(BrokerAccess.allows(A, SEND, "bacalao.compute.n-a"));
        assertFalse(BrokerAccess.allows(A, SEND, "bacalao.evaluations"));
        assertFalse(BrokerAccess.allows(A, SEND, "bacalao.events.nodes"));
        assertFalse(BrokerAccess.allows(A, SEND, Addresses.NODE_RELEASE));
    }

    @Test
    void aNodeCannotManageTheBroker() {
        for (CheckType t : CheckType.values()) {
            assertFalse(BrokerAccess.allows(A, t, "activemq.management"), t.name());
            assertFalse(BrokerAccess.allows(A, t, "activemq.notifications"), t.name());
        }
        assertFalse(BrokerAccess.allows(A, MANAGE, "bacalao.compute.n-a"));
        assertFalse(BrokerAccess.allows(A, DELETE_ADDRESS, "bacalao.compute.n-a"));
        assertFalse(BrokerAccess.allows(A, DELETE_DURABLE_QUEUE, "bacalao.compute.n-a::bacalao.compute.n-a"));
        assertFalse(BrokerAccess.allows(A, CREATE_ADDRESS, "anything.else"));
        assertFalse(BrokerAccess.allows(A, CREATE_DURABLE_QUEUE, "anything.else::anything.else"));
    }

    @Test
    void observersAndNodesMaySubscribeToNodeEventsOnly() {
        for (Identity who : new Identity[]{A, OBSERVER}) {
            assertTrue(BrokerAccess.allows(who, CREATE_NON_DURABLE_QUEUE, "bacalao.events.nodes::2f7c-uuid"));
            assertTrue(BrokerAccess.allows(who, CONSUME, "bacalao.events.nodes::2f7c-uuid"));
            assertFalse(BrokerAccess.allows(who, CREATE_NON_DURABLE_QUEUE, "bacalao.events.nodes::bacalao.compute.n-c"),
                    "a subscription may not squat a Bacalao queue name");
            assertFalse(BrokerAccess.allows(who, SEND, "bacalao.events.nodes"));
        }
        assertFalse(BrokerAccess.allows(OBSERVER, SEND, "bacalao.orchestrator"));
        assertFalse(BrokerAccess.allows(OBSERVER, CONSUME, "bacalao.compute.observer:watcher::bacalao.compute.observer:watcher"));
    }

    @Test
    void theOrchestratorMayDoEverything() {
        for (CheckType t : CheckType.values()) {
            assertTrue(BrokerAccess.allows(ORCHESTRATOR, t, "activemq.management"), t.name());
            assertTrue(BrokerAccess.allows(ORCHESTRATOR, t, "bacalao.compute.n-b::bacalao.compute.n-b"), t.name());
        }
    }

    @Test
    void noIdentityMayDoNothing() {
        assertFalse(BrokerAccess.allows(null, SEND, "bacalao.orchestrator"));
        assertFalse(BrokerAccess.allows(A, null, "bacalao.orchestrator"));
        assertFalse(BrokerAccess.allows(A, SEND, null));
    }
}
