package io.bacalao.orchestrator.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A compute node speaks only for itself; the orchestrator (and a hybrid node's compute side) for anyone. */
class InboxMdbTest {
    @Test
    void aNodeMaySpeakOnlyForItself() {
        assertTrue(InboxMdb.maySpeakFor("n-a", "n-a"));
        assertFalse(InboxMdb.maySpeakFor("n-a", "n-b"));
    }

    @Test
    void theOrchestratorMaySpeakForAnyNode() {
        assertTrue(InboxMdb.maySpeakFor("bacalao-orchestrator", "n-b"));
    }

    @Test
    void aMessageWithoutAValidatedSenderIsNotBelieved() {
        assertFalse(InboxMdb.maySpeakFor(null, "n-a"));
    }
}
