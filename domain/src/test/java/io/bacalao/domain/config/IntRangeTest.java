package io.bacalao.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole-number key's range is checked wherever a value comes from, and named in the error. */
class IntRangeTest {
    @TempDir
    Path dir;

    @Test
    void aValueBelowTheRangeIsRefusedFromTheEnvironment() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.withDefaults()
                .environment(Map.of("BACALAO_ORCHESTRATOR_API_CONCURRENTWRITES", "-1")).resolve());

        assertEquals("invalid value for Orchestrator.API.ConcurrentWrites: '-1' is outside its range (at least 0)",
                e.getMessage());
    }

    @Test
    void aValueAboveTheRangeIsRefusedFromAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), "API:\n  Port: 70000\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.withDefaults().file(file).resolve());

        assertTrue(e.getMessage().startsWith("invalid value for API.Port: '70000' is outside its range (from 1 to 65535)"),
                e.getMessage());
    }

    @Test
    void aValueOutOfRangeIsRefusedFromAnOverride() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.withDefaults()
                .overrides(List.of("Orchestrator.Inbox.Consumers=0")).resolve());

        assertEquals("invalid value for Orchestrator.Inbox.Consumers: '0' is outside its range (at least 1)", e.getMessage());
    }

    @Test
    void configSetRefusesItAndWritesNothing() {
        Path file = dir.resolve("config.yaml");

        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFileWriter.set(file, "Orchestrator.Port", List.of("0")));

        assertEquals("invalid value for Orchestrator.Port: '0' is outside its range (from 1 to 65535)", e.getMessage());
        assertTrue(Files.notExists(file));
    }

    @Test
    void theBoundsThemselvesAreValues() {
        Config c = ConfigLoader.withDefaults()
                .overrides(List.of("Orchestrator.API.ConcurrentWrites=0", "API.Port=65535", "Orchestrator.Inbox.Consumers=1"))
                .resolve();

        assertEquals(0, c.getInt(ConfigKeys.API_CONCURRENT_WRITES));
        assertEquals(65535, c.getInt(ConfigKeys.API_PORT));
        assertEquals(1, c.getInt(ConfigKeys.INBOX_CONSUMERS));
    }

    @Test
    void aKeyWithoutARangeTakesAnyWholeNumber() {
        Config c = ConfigLoader.withDefaults().overrides(List.of("JobDefaults.Batch.Priority=-5")).resolve();

        assertEquals(-5, c.getInt("JobDefaults.Batch.Priority"));
    }

    @Test
    void aNumberBeyondAnIntIsNotAWholeNumberOfTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.withDefaults()
                .overrides(List.of("JobDefaults.Batch.Priority=3000000000")).resolve());

        assertEquals("invalid value for JobDefaults.Batch.Priority: '3000000000' is not a whole number", e.getMessage());
    }

    @Test
    void everyDefaultLiesInItsKeysRange() {
        for (ConfigKey k : ConfigKeys.all()) {
            if (k.kind() == ConfigKey.Kind.INT) {
                assertTrue(k.range().contains(Integer.parseInt(k.defaultValue())), k.name() + " " + k.defaultValue());
            }
        }
    }
}
