package io.bacalao.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every key of Bacalhau v1.9 (the data file bacalhau-keys.tsv) is registered, acted on or only accepted. */
class BacalhauKeysTest {
    @TempDir
    Path dir;

    @Test
    void theDataFileHoldsBacalhausKeys() {
        assertEquals(130, BacalhauKeys.all().size(), "Bacalhau v1.9.3 has 130 keys");
        assertEquals("1234", BacalhauKeys.find("api.port").orElseThrow().defaultValue());
        assertTrue(BacalhauKeys.find("WebUI.Backend").orElseThrow().description().startsWith("Backend specifies"));
    }

    @Test
    void everyBacalhauKeyIsInTheRegistryWithItsSpelling() {
        List<String> missing = BacalhauKeys.all().stream()
                .filter(b -> ConfigKeys.find(b.name()).map(k -> !k.name().equals(b.name())).orElse(true))
                .map(BacalhauKeys.Key::name).toList();

        assertEquals(List.of(), missing);
    }

    @Test
    void aKeyOnlyAcceptedIsMarkedSoAndOneActedOnKeepsActing() {
        assertFalse(ConfigKeys.find("Orchestrator.Cluster.Peers").orElseThrow().acted());
        assertFalse(ConfigKeys.find("Logging.Mode").orElseThrow().acted());
        assertTrue(ConfigKeys.find(ConfigKeys.LOGGING_LEVEL).orElseThrow().acted());
        assertTrue(ConfigKeys.find(ConfigKeys.API_PORT).orElseThrow().acted());
        assertTrue(ConfigKeys.find(ConfigKeys.CAPACITY_CPU).orElseThrow().acted());
    }

    @Test
    void aBacalhauFileWithKeysNotActedOnLoadsAndNamesThem() throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), """
                API:
                  Port: 4321
                  Auth:
                    Methods:
                      ClientKey:
                        Type: challenge
                Orchestrator:
                  Cluster:
                    Peers: [a:1, b:2]
                ResultDownloaders:
                  Timeout: 5m
                WebUI:
                  Backend: http://x:1234
                """);

        Config c = ConfigLoader.withDefaults().file(file).resolve();

        assertEquals(4321, c.getInt(ConfigKeys.API_PORT));
        assertEquals(List.of("a:1", "b:2"), c.getList("Orchestrator.Cluster.Peers"));
        assertEquals(List.of("API.Auth.Methods", "Orchestrator.Cluster.Peers", "ResultDownloaders.Timeout"),
                c.setButNotActedOn().stream().sorted().toList());
    }

    @Test
    void defaultsNeverCountAsSet() {
        assertEquals(List.of(), ConfigLoader.withDefaults().resolve().setButNotActedOn());
    }
}
