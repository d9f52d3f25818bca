package io.bacalao.broker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker syncs its journal on commit unless Orchestrator.Durability.SyncOnCommit is false. */
class JournalSyncTest {
    @TempDir
    Path dir;

    @Test
    void theJournalIsSyncedOnCommitAndSendByDefault() throws Exception {
        Configuration c = new EmbeddedBroker(new BrokerSettings("127.0.0.1", 1, dir, "t", "o", false, 10, null)).configuration();
        assertTrue(c.isJournalSyncTransactional());
        assertTrue(c.isJournalSyncNonTransactional());
    }

    @Test
    void theOptOutLeavesTheJournalUnsynced() throws Exception {
        Configuration c = new EmbeddedBroker(new BrokerSettings("127.0.0.1", 1, dir, "t", "o", false, 10, null, false))
                .configuration();
        assertFalse(c.isJournalSyncTransactional());
        assertFalse(c.isJournalSyncNonTransactional());
    }
}
