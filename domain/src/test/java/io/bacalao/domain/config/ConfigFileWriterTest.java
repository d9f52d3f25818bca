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

/** {@code config set}: one key written into a YAML file, typed, other entries kept, read back by the loader. */
class ConfigFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void aNewKeyIsWrittenInLowerCaseAsBacalhauWritesIt() throws IOException {
        Path file = Files.createFile(dir.resolve("test-persistent.yaml"));

        ConfigFileWriter.set(file, "NameProvider", List.of("Some_Random_VALUE"));

        assertEquals("nameprovider: Some_Random_VALUE\n", Files.readString(file));
    }

    @Test
    void nestedMapsAreCreatedAndValuesTypedByKind() throws IOException {
        Path file = dir.resolve("sub/config.yaml");

        ConfigFileWriter.set(file, "api.port", List.of("5678"));
        ConfigFileWriter.set(file, "Compute.Orchestrators", List.of("http://127.0.0.1:1234", "http://1.1.1.1:1234"));
        ConfigFileWriter.set(file, "labels", List.of("foo=bar,baz=buz"));
        ConfigFileWriter.set(file, "Compute.Enabled", List.of("TRUE"));

        assertEquals("""
                api:
                  port: 5678
                compute:
                  orchestrators:
                  - http://127.0.0.1:1234
                  - http://1.1.1.1:1234
                  enabled: true
                labels:
                  foo: bar
                  baz: buz
                """, Files.readString(file));
        Config c = ConfigLoader.withDefaults().file(file).resolve();
        assertEquals(5678, c.getInt(ConfigKeys.API_PORT));
        assertEquals(Map.of("foo", "bar", "baz", "buz"), c.getMap(ConfigKeys.LABELS));
        assertEquals(List.of("http://127.0.0.1:1234", "http://1.1.1.1:1234"), c.getList(ConfigKeys.COMPUTE_ORCHESTRATORS));
    }

    @Test
    void otherKeysAndTheirSpellingAreKept() throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), "API:\n  Host: 2.2.2.2\nWebUI:\n  Enabled: true\n");

        ConfigFileWriter.set(file, "api.port", List.of("9000"));
        ConfigFileWriter.set(file, "API.Host", List.of("127.0.0.1"));

        assertEquals("API:\n  Host: 127.0.0.1\n  port: 9000\nWebUI:\n  Enabled: true\n", Files.readString(file));
    }

    @Test
    void anUnknownKeyIsRefusedWithTheHintAndTheFileIsLeftAlone() throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), "API:\n  Host: 2.2.2.2\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFileWriter.set(file, "api.prot", List.of("1")));

        assertEquals("'api.prot' is not a valid config key; did you mean 'API.Port'?", e.getMessage());
        assertEquals("API:\n  Host: 2.2.2.2\n", Files.readString(file));
    }

    @Test
    void aValueTheKindRefusesIsAnError() {
        Path file = dir.resolve("config.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFileWriter.set(file, "API.Port", List.of("many")));

        assertTrue(e.getMessage().contains("is not a whole number"), e.getMessage());
        assertTrue(Files.notExists(file));
    }

    @Test
    void aDurationIsKeptAsWrittenAndTheDataDirMadeAbsolute() throws IOException {
        Path file = dir.resolve("config.yaml");

        ConfigFileWriter.set(file, "UpdateConfig.Interval", List.of("1h"));
        ConfigFileWriter.set(file, "DataDir", List.of(dir.resolve("a/../data").toString()));

        assertEquals("updateconfig:\n  interval: 1h\ndatadir: " + dir.resolve("data") + "\n", Files.readString(file));
    }
}
