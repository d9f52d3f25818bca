package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.config.ConfigLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One warning line names every Bacalhau key that is set but not acted on; none when there is none. */
class KeysNotActedOnTest {
    @Test
    void setKeysNotActedOnAreNamedInOneLine() {
        var config = ConfigLoader.withDefaults().environment(Map.of("BACALHAU_LOGGING_MODE", "json"))
                .overrides(List.of("UpdateConfig.Interval=1h", "API.Port=4000")).resolve();

        assertEquals(Optional.of("Warning: Bacalao accepts but does not act on these Bacalhau configuration keys:"
                + " Logging.Mode, UpdateConfig.Interval (see docs/config.md)"), KeysNotActedOn.check(config));
    }

    @Test
    void keysLeftAtTheirDefaultsOrActedOnGiveNoWarning() {
        var config = ConfigLoader.withDefaults().overrides(List.of("API.Port=4000")).resolve();

        assertEquals(Optional.empty(), KeysNotActedOn.check(config));
    }
}
