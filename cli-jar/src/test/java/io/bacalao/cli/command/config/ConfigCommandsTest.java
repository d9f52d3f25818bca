package io.bacalao.cli.command.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.cli.CliRun;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config set} and {@code config list} as Bacalhau's integration suite 1 uses them. */
class ConfigCommandsTest {
    @TempDir
    Path dir;

    @Test
    void setWritesTheKeyInBacalhausCasingIntoTheGivenFile() throws IOException {
        Path file = Files.createFile(dir.resolve("test-persistent.yaml"));

        CliRun run = CliRun.of("config", "set", "--config=" + file, "NameProvider=Some_Random_VALUE");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(file).contains("nameprovider: Some_Random_VALUE"), Files.readString(file));
        assertEquals("Writing config to " + file + "\n", run.err());
    }

    @Test
    void setWithoutAFileWritesTheDataDirsConfigAndAcceptsKeyThenValues() throws IOException {
        CliRun run = CliRun.of("config", "set", "--data-dir", dir.toString(), "compute.orchestrators",
                "nats://a:4222", "nats://b:4222");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("compute:\n  orchestrators:\n  - nats://a:4222\n  - nats://b:4222\n",
                Files.readString(dir.resolve("config.yaml")));
    }

    @Test
    void listShowsEffectiveValuesWithTheirSourcesAsJson() throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "API:\n  Port: 4321\nOrchestrator:\n  Cluster:\n    Name: c1\n");

        CliRun run = CliRun.of("config", "list", "--output=json", "--data-dir", dir.toString(), "-c", "Labels=a=b");

        assertEquals(0, run.exitCode(), run.err());
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode e : Json.mapper().readTree(run.out())) byKey.put(e.get("Key").asText(), e);
        assertEquals(ConfigKeys.all().size(), byKey.size());
        assertEquals("24h0m0s", byKey.get("UpdateConfig.Interval").get("Value").asText(), "Go's form, as suite 1 expects");
        assertEquals("default", byKey.get("UpdateConfig.Interval").get("Source").asText());
        assertEquals(4321, byKey.get("API.Port").get("Value").asInt());
        assertEquals("config file " + dir.resolve("config.yaml"), byKey.get("API.Port").get("Source").asText());
        assertEquals("b", byKey.get("Labels").get("Value").get("a").asText());
        assertEquals("-c", byKey.get("Labels").get("Source").asText());
        assertEquals(false, byKey.get("Orchestrator.Cluster.Name").get("Acted").asBoolean());
        assertEquals(true, byKey.get("API.Port").get("Acted").asBoolean());
    }

    @Test
    void listAsATableIsSortedByKeyAndAsYamlIsTheConfigurationTree() {
        CliRun table = CliRun.of("config", "list", "--data-dir", dir.toString(), "-c", "Orchestrator.Auth.Token=s3cret");
        CliRun yaml = CliRun.of("config", "list", "--output", "yaml", "--data-dir", dir.toString());

        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().startsWith(" KEY "), table.out());
        assertTrue(table.out().indexOf(" API.Host ") < table.out().indexOf(" WebUI.Listen "), table.out());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith(" Orchestrator.Auth.Token ") && l.contains("********")
                && !l.contains("s3cret")), "secrets are redacted");
        assertEquals(0, yaml.exitCode(), yaml.err());
        assertTrue(yaml.out().contains("API:\n  Host: 0.0.0.0\n"), yaml.out());
    }

    @Test
    void anUnknownKeyInTheConfigFileIsRefusedWithAHint() throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "API:\n  Prot: 4321\n");

        CliRun run = CliRun.of("config", "list", "--data-dir", dir.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("Error: 'API.Prot' is not a valid config key; did you mean 'API.Port'?"), run.err());
    }

    @Test
    void setRefusesAWholeNumberOutsideTheKeysRangeAndWritesNothing() {
        CliRun run = CliRun.of("config", "set", "--data-dir", dir.toString(), "Orchestrator.API.ConcurrentWrites", "-1");

        assertEquals(1, run.exitCode());
        assertEquals("Error: invalid value for Orchestrator.API.ConcurrentWrites: '-1' is outside its range (at least 0)\n",
                run.err());
        assertTrue(Files.notExists(dir.resolve("config.yaml")));
    }
}
