package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The devstack serves the Web UI where its API listens, unless the configuration says otherwise. */
class DevstackWebUiTest {
    @Test
    void onByDefaultOnTheApiHost() {
        Config c = DevstackCommand.withWebUi(ConfigLoader.withDefaults().resolve());
        assertEquals("true", c.get("WebUI.Enabled"));
        assertEquals("127.0.0.1:8438", c.get("WebUI.Listen"));
        assertEquals("10.0.0.5:8438", DevstackCommand.withWebUi(ConfigLoader.withDefaults()
                .overrides(List.of("API.Host=10.0.0.5")).resolve()).get("WebUI.Listen"));
    }

    @Test
    void theUsersSettingsWin() {
        Config c = DevstackCommand.withWebUi(ConfigLoader.withDefaults()
                .overrides(List.of("WebUI.Enabled=false", "WebUI.Listen=0.0.0.0:9000")).resolve());
        assertEquals("false", c.get("WebUI.Enabled"));
        assertEquals("0.0.0.0:9000", c.get("WebUI.Listen"));
    }
}
