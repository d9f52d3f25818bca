package io.bacalao.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A key that is neither Bacalhau's nor Bacalao's is refused with the nearest key as a hint. */
class UnknownKeyHintTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "API.Prot, API.Port",
            "api.hots, API.Host",
            "Compute.AllocatedCapacity.CPUs, Compute.AllocatedCapacity.CPU",
            "Orchestrator.Cluster.Peer, Orchestrator.Cluster.Peers",
            "NameProvder, NameProvider"})
    void aTypoGetsTheNearestKey(String typo, String meant) {
        assertEquals(Optional.of(meant), ConfigKeys.nearest(typo));
    }

    @Test
    void aNameFarFromEveryKeyGetsNoGuess() {
        assertEquals(Optional.empty(), ConfigKeys.nearest("Totally.Different.Thing"));
        assertEquals("'xyz' is not a valid config key (bacalao config list shows them all)",
                ConfigKeys.unknownKeyMessage("xyz"));
    }

    @Test
    void aFileWithAnUnknownKeyIsRefusedWithTheHint() throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), "API:\n  Prot: 1\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.withDefaults().file(file));

        assertTrue(e.getMessage().startsWith("'API.Prot' is not a valid config key; did you mean 'API.Port'?"),
                e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void anOverrideWithAnUnknownKeyIsRefusedWithTheHint() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.withDefaults().overrides(List.of("Compute.Enabeld=true")));

        assertEquals("'Compute.Enabeld' is not a valid config key; did you mean 'Compute.Enabled'?", e.getMessage());
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, EditDistance.between("abc", "abc"));
        assertEquals(1, EditDistance.between("abc", "abd"));
        assertEquals(1, EditDistance.between("abc", "ab"));
        assertEquals(2, EditDistance.between("abc", "bca"));
        assertEquals(3, EditDistance.between("", "abc"));
    }
}
