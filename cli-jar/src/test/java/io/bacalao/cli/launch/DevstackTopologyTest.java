package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliException;
import org.junit.jupiter.api.Test;

class DevstackTopologyTest {

    @Test
    void theDefaultIsOneOrchestratorAndThreeComputes() {
        assertEquals(new DevstackTopology(false, 3, 0), DevstackTopology.of(1, 0, 3, 0));
    }

    @Test
    void oneHybridReplacesTheOrchestrator() {
        DevstackTopology t = DevstackTopology.of(0, 1, 0, 0);
        assertTrue(t.hybrid());
        assertEquals("1 hybrid orchestrator and 0 compute node(s)", t.describe());
    }

    @Test
    void theBadComputesAreTheLastOnes() {
        DevstackTopology t = DevstackTopology.of(1, 0, 3, 1);
        assertFalse(t.isBad(1));
        assertFalse(t.isBad(2));
        assertTrue(t.isBad(3));
        assertEquals("1 orchestrator and 3 compute node(s), 1 of them bad actors", t.describe());
    }

    @Test
    void moreOrFewerThanOneOrchestratorIsRefused() {
        for (int[] counts : new int[][]{{2, 0}, {0, 0}, {1, 1}, {0, 2}}) {
            CliException e = assertThrows(CliException.class, () -> DevstackTopology.of(counts[0], counts[1], 3, 0));
            assertTrue(e.getMessage().startsWith("a devstack has one orchestrator: --orchestrators plus --hybrids must be 1"),
                    e.getMessage());
        }
    }

    @Test
    void negativeCountsAndTooManyBadComputesAreRefused() {
        assertEquals("--computes must be >= 0", assertThrows(CliException.class, () -> DevstackTopology.of(1, 0, -1, 0)).getMessage());
        assertEquals("--bad-computes must be >= 0", assertThrows(CliException.class, () -> DevstackTopology.of(1, 0, 1, -2)).getMessage());
        assertTrue(assertThrows(CliException.class, () -> DevstackTopology.of(1, 0, 2, 3)).getMessage()
                .startsWith("--bad-computes 3 is more than the 2 compute-only node(s)"));
    }
}
