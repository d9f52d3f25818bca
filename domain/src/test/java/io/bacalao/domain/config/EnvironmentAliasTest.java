package io.bacalao.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BACALHAU_* variables are aliases of BACALAO_* ones; ours win when both are set. */
class EnvironmentAliasTest {
    @TempDir
    Path dir;

    private static Config load(Map<String, String> env) {
        return ConfigLoader.withDefaults().environment(env).resolve();
    }

    @Test
    void aBacalhauVariableSetsTheKey() {
        Config c = load(Map.of("BACALHAU_API_PORT", "7000"));

        assertEquals(7000, c.getInt(ConfigKeys.API_PORT));
        assertEquals("env BACALHAU_API_PORT", c.source(ConfigKeys.API_PORT));
    }

    @Test
    void oursWinWhenBothAreSet() {
        Config c = load(Map.of("BACALHAU_API_PORT", "7000", "BACALAO_API_PORT", "8000"));

        assertEquals(8000, c.getInt(ConfigKeys.API_PORT));
        assertEquals("env BACALAO_API_PORT", c.source(ConfigKeys.API_PORT));
    }

    @Test
    void anEmptyBacalhauVariableCountsAsUnset() {
        Config c = load(Map.of("BACALHAU_UPDATECONFIG_INTERVAL", ""));

        assertEquals("24h", c.get("UpdateConfig.Interval"));
        assertEquals(Config.DEFAULT_SOURCE, c.source("UpdateConfig.Interval"));
    }

    @Test
    void bacalhauDirSetsTheDataDirWhenNoneOfOursIs() {
        Path theirs = dir.resolve("theirs");
        Path ours = dir.resolve("ours");

        assertEquals(theirs.toString(), load(Map.of("BACALHAU_DIR", theirs.toString())).get(ConfigKeys.DATA_DIR));
        assertEquals(ours.toString(), load(Map.of("BACALHAU_DIR", theirs.toString(), "BACALAO_DIR", ours.toString()))
                .get(ConfigKeys.DATA_DIR));
        assertEquals(ours.toString(), load(Map.of("BACALHAU_DATADIR", theirs.toString(), "BACALAO_DIR", ours.toString()))
                .get(ConfigKeys.DATA_DIR));
    }

    @Test
    void aFileValueIsRememberedWithItsSource() {
        Config c = ConfigLoader.withDefaults().set(ConfigKeys.API_HOST, "127.0.0.1").resolve();

        assertEquals("flag", c.source(ConfigKeys.API_HOST));
        assertEquals(Config.DEFAULT_SOURCE, c.source(ConfigKeys.API_PORT));
    }
}
