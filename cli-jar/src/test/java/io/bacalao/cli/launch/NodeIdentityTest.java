package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --name}: used the first time, kept afterwards; a different later name is ignored with a warning. */
class NodeIdentityTest {
    @TempDir
    Path dataDir;

    @Test
    void theFirstNameGivenIsKept() {
        assertEquals(Optional.empty(), NodeIdentity.ignoredName(dataDir, "edge-1"));
        assertEquals("edge-1", NodeIdentity.of(dataDir, "puuid", "edge-1"));
        assertEquals("edge-1", NodeIdentity.of(dataDir, "puuid", null), "a restart without --name is the same node");
        assertEquals(Optional.empty(), NodeIdentity.ignoredName(dataDir, "edge-1"));
    }

    @Test
    void aLaterDifferentNameIsIgnoredWithAWarning() {
        String made = NodeIdentity.of(dataDir, "puuid", null);
        assertTrue(made.startsWith("n-"), made);
        assertEquals(made, NodeIdentity.of(dataDir, "puuid", "edge-2"));
        String warning = NodeIdentity.ignoredName(dataDir, "edge-2").orElseThrow();
        assertTrue(warning.startsWith("Warning: --name edge-2 ignored: this node's name is already " + made), warning);
    }

    @Test
    void aNameMustBeUsableAsAnId() {
        assertEquals("host.example-1_a", NodeIdentity.valid("host.example-1_a"));
        for (String bad : new String[] {"", "-x", "a b", "a/b", "x".repeat(129)}) {
            assertThrows(CliException.class, () -> NodeIdentity.valid(bad), bad);
        }
    }
}
