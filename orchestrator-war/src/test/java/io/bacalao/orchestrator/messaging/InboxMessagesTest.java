package io.bacalao.orchestrator.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A compute node speaks only for itself; the orchestrator (and a hybrid node's compute side) for anyone. */
class InboxMessagesTest {
    @Test
    void aNodeMaySpeakOnlyForItself() {
        assertTrue(InboxMessages.maySpeakFor("n-a", "n-a"));
        assertFalse(InboxMessages.maySpeakFor("n-a", "n-b"));
    }

    @Test
    void theOrchestratorMaySpeakForAnyNode() {
        assertTrue(InboxMessages.maySpeakFor("bacalao-orchestrator", "n-b"));
    }

    @Test
    void aMessageWithoutAValidatedSenderIsNotBelieved() {
        assertFalse(InboxMessages.maySpeakFor(null, "n-a"));
    }
}
