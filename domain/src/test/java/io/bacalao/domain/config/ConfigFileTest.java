package io.bacalao.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Config files: YAML with PascalCase nested or dotted keys, later files winning (reference §7.1). */
class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void aYamlFileSetsNestedKeysListsAndMaps() throws IOException {
        Path file = write("config.yaml", """
                API:
                  Port: 9000
                Compute:
                  Enabled: true
                  Orchestrators:
                    - nats://a:4222
                    - nats://b:4222
                  AllocatedCapacity:
                    CPU: 2
                    Memory: 4Gi
                Orchestrator:
                  NodeManager:
                    DisconnectTimeout: 30s
                Labels:
                  region: eu
                  zone: a
                """);

        Config c = ConfigLoader.withDefaults().file(file).resolve();

        assertEquals(9000, c.getInt(ConfigKeys.API_PORT));
        assertTrue(c.getBool(ConfigKeys.COMPUTE_ENABLED));
        assertEquals(List.of("nats://a:4222", "nats://b:4222"), c.getList(ConfigKeys.COMPUTE_ORCHESTRATORS));
        assertEquals("2", c.get(ConfigKeys.CAPACITY_CPU));
        assertEquals("4Gi", c.get(ConfigKeys.CAPACITY_MEMORY));
        assertEquals("80%", c.get(ConfigKeys.CAPACITY_DISK));
        assertEquals(Duration.ofSeconds(30), c.getDuration(ConfigKeys.DISCONNECT_TIMEOUT));
        assertEquals(Map.of("region", "eu", "zone", "a"), c.getMap(ConfigKeys.LABELS));
    }

    @Test
    void fileKeysMatchInAnyCase() throws IOException {
        Path file = write("lower.yaml", "api:\n  port: 9100\ncompute:\n  enabled: true\n");

        Config c = ConfigLoader.withDefaults().file(file).resolve();

        assertEquals(9100, c.getInt(ConfigKeys.API_PORT));
        assertTrue(c.getBool(ConfigKeys.COMPUTE_ENABLED));
    }

    @Test
    void aDottedKeyInAFileIsAccepted() throws IOException {
        Path file = write("dotted.yaml", "API.Port: 9200\n");

        assertEquals(9200, ConfigLoader.withDefaults().file(file).resolve().getInt(ConfigKeys.API_PORT));
    }

    @Test
    void aLaterFileWins() throws IOException {
        Path first = write("a.yaml", "API:\n  Port: 1000\n  Host: 127.0.0.1\n");
        Path second = write("b.yaml", "API:\n  Port: 2000\n");

        Config c = ConfigLoader.withDefaults().file(first).file(second).resolve();

        assertEquals(2000, c.getInt(ConfigKeys.API_PORT));
        assertEquals("127.0.0.1", c.get(ConfigKeys.API_HOST));
    }

    @ParameterizedTest(name = "a file holding \"{0}\" changes nothing")
    @ValueSource(strings = {"", "# all settings commented out\n"})
    void anEmptyFileChangesNothing(String text) throws IOException {
        Path file = write("empty.yaml", text);

        assertEquals(1234, ConfigLoader.withDefaults().file(file).resolve().getInt(ConfigKeys.API_PORT));
    }

    @Test
    void aFileOfOnlyAnEmptyMappingChangesNothing() throws IOException {
        Path file = write("empty.yaml", "{}\n");

        assertEquals(1234, ConfigLoader.withDefaults().file(file).resolve().getInt(ConfigKeys.API_PORT));
    }

    @ParameterizedTest(name = "file \"{0}\" names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            'API:\n  Port: abc\n'                          | API.Port
            'Compute:\n  Enabled: maybe\n'                 | Compute.Enabled
            'Orchestrator:\n  Scheduler:\n    QueueBackoff: later\n' | Orchestrator.Scheduler.QueueBackoff
            """)
    void aBadValueInAFileNamesTheKey(String yaml, String key) throws IOException {
        Path file = write("bad.yaml", yaml.replace("\\n", "\n"));

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.withDefaults().file(file));

        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @ParameterizedTest(name = "unknown key in \"{0}\" is refused")
    @CsvSource(delimiter = '|', textBlock = """
            'Foo: bar\n'                 | Foo
            'API:\n  Bogus: 1\n'         | API.Bogus
            'Compute:\n  Enabled:\n    Deep: 1\n' | Compute.Enabled
            """)
    void anUnknownKeyInAFileIsRefused(String yaml, String key) throws IOException {
        Path file = write("unknown.yaml", yaml.replace("\\n", "\n"));

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.withDefaults().file(file));

        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void aMissingOrMalformedFileIsAConfigException() throws IOException {
        Path broken = write("broken.yaml", "API: [1,\n");

        assertThrows(ConfigException.class, () -> ConfigLoader.withDefaults().file(dir.resolve("absent.yaml")));
        assertThrows(ConfigException.class, () -> ConfigLoader.withDefaults().file(broken));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
