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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults &lt; files &lt; BACALAO_* environment &lt; -c overrides, and the DataDir rules (reference §7.1). */
class ConfigPrecedenceTest {
    @TempDir
    Path dir;

    @Test
    void environmentBeatsTheFile() throws IOException {
        Path file = write("config.yaml", "API:\n  Port: 9000\n");

        Config c = ConfigLoader.withDefaults().file(file)
                .environment(Map.of("BACALAO_API_PORT", "7000", "BACALAO_COMPUTE_ALLOCATEDCAPACITY_CPU", "50%"))
                .resolve();

        assertEquals(7000, c.getInt(ConfigKeys.API_PORT));
        assertEquals("50%", c.get(ConfigKeys.CAPACITY_CPU));
    }

    @Test
    void overridesBeatTheEnvironment() throws IOException {
        Path file = write("config.yaml", "API:\n  Port: 9000\n");

        Config c = ConfigLoader.withDefaults().file(file)
                .environment(Map.of("BACALAO_API_PORT", "7000"))
                .overrides(List.of("API.Port=8000"))
                .resolve();

        assertEquals(8000, c.getInt(ConfigKeys.API_PORT));
    }

    @Test
    void variablesThatNameNoKeyAreIgnored() {
        Config c = ConfigLoader.withDefaults()
                .environment(Map.of("BACALAO_NOPE", "1", "PATH", "/bin", "API_PORT", "1"))
                .resolve();

        assertEquals(1234, c.getInt(ConfigKeys.API_PORT));
    }

    @Test
    void bacalaoDirSetsTheDataDirUnlessDataDirIsSetToo() {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");

        assertEquals(a.toString(), ConfigLoader.withDefaults()
                .environment(Map.of("BACALAO_DIR", a.toString())).resolve().get(ConfigKeys.DATA_DIR));
        assertEquals(b.toString(), ConfigLoader.withDefaults()
                .environment(Map.of("BACALAO_DIR", a.toString(), "BACALAO_DATADIR", b.toString()))
                .resolve().get(ConfigKeys.DATA_DIR));
    }

    @Test
    void aBareOverrideKeyMeansTrue() {
        Config c = ConfigLoader.withDefaults().overrides(List.of("Compute.Enabled")).resolve();

        assertTrue(c.getBool(ConfigKeys.COMPUTE_ENABLED));
    }

    @Test
    void anOverrideValueMayContainEqualsSigns() {
        Config c = ConfigLoader.withDefaults().overrides(List.of("Labels=region=eu,zone=a")).resolve();

        assertEquals(Map.of("region", "eu", "zone", "a"), c.getMap(ConfigKeys.LABELS));
    }

    @Test
    void anOverrideBelowAMapKeySetsOneEntry() {
        Config c = ConfigLoader.withDefaults().overrides(List.of("Labels.region=eu")).resolve();

        assertEquals(Map.of("region", "eu"), c.getMap(ConfigKeys.LABELS));
    }

    @Test
    void anOverrideMayNameAYamlFile() throws IOException {
        Path file = write("extra.yaml", "Compute:\n  Enabled: true\n");

        Config c = ConfigLoader.withDefaults().overrides(List.of(file.toString())).resolve();

        assertTrue(c.getBool(ConfigKeys.COMPUTE_ENABLED));
    }

    @ParameterizedTest(name = "-c {0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            API.Port=abc                                   | API.Port
            API.Port=1.5                                   | API.Port
            Compute.Enabled=yes                            | Compute.Enabled
            Orchestrator.NodeManager.DisconnectTimeout=soon | Orchestrator.NodeManager.DisconnectTimeout
            Compute.Heartbeat.Interval=10x                 | Compute.Heartbeat.Interval
            """)
    void aBadOverrideNamesTheKey(String override, String key) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.withDefaults().overrides(List.of(override)));

        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @ParameterizedTest(name = "BACALAO_{0}={1} names {2}")
    @CsvSource(delimiter = '|', textBlock = """
            API_PORT                | abc  | API.Port
            COMPUTE_ENABLED         | 1    | Compute.Enabled
            COMPUTE_HEARTBEAT_INTERVAL | fast | Compute.Heartbeat.Interval
            """)
    void aBadEnvironmentValueNamesTheKey(String variable, String value, String key) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.withDefaults().environment(Map.of("BACALAO_" + variable, value)));

        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void anUnknownOverrideKeyIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.withDefaults().overrides(List.of("Nope.Key=1")));

        assertTrue(e.getMessage().contains("Nope.Key"), e.getMessage());
    }

    @Test
    void theDataDirIsMadeAbsolute() {
        String home = ConfigLoader.home(System.getenv());

        assertEquals(Path.of(home, ".bacalao").toString(), ConfigLoader.withDefaults().resolve().get(ConfigKeys.DATA_DIR));
        assertEquals(dir.resolve("x").toString(), ConfigLoader.withDefaults()
                .set(ConfigKeys.DATA_DIR, dir + "/y/../x").resolve().get(ConfigKeys.DATA_DIR));
    }

    @ParameterizedTest(name = "DataDir \"{0}\" is refused")
    @CsvSource({"relative/dir", "/data/$HOME"})
    void aRelativeOrDollarDataDirIsRefused(String dataDir) {
        assertThrows(ConfigException.class,
                () -> ConfigLoader.withDefaults().set(ConfigKeys.DATA_DIR, dataDir).resolve());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
