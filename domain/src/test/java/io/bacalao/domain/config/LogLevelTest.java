package io.bacalao.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogLevelTest {
    private final Logger bacalao = Logger.getLogger("io.bacalao");
    private final Logger below = Logger.getLogger("io.bacalao.orchestrator.jobs.Planner");
    private final Logger other = Logger.getLogger("org.eclipse.persistence");
    private final Level before = bacalao.getLevel();

    @AfterEach
    void restore() {
        bacalao.setLevel(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"trace, FINEST", "debug, FINE", "info, INFO", "warn, WARNING", "error, SEVERE", "fatal, SEVERE",
            "panic, SEVERE", "' DEBUG ', FINE"})
    void bacalhausNamesMapToJavaLevels(String name, String jul) {
        assertEquals(Level.parse(jul), LogLevel.parse(name).julLevel());
    }

    @Test
    void debugLetsBacalaosFineRecordsThroughAndLeavesOtherLoggersAlone() {
        LogLevel.DEBUG.applyToBacalao();

        assertTrue(below.isLoggable(Level.FINE));
        assertFalse(below.isLoggable(Level.FINER));
        assertEquals(null, other.getLevel(), "a library's logger keeps inheriting from the root");
    }

    @Test
    void errorSilencesBacalaosWarnings() {
        LogLevel.ERROR.applyToBacalao();

        assertFalse(below.isLoggable(Level.WARNING));
        assertTrue(below.isLoggable(Level.SEVERE));
    }

    @Test
    void anUnknownLevelIsRefusedWithTheChoices() {
        ConfigException e = assertThrows(ConfigException.class, () -> LogLevel.parse("loud"));

        assertEquals("invalid Logging.Level \"loud\": use one of trace, debug, info, warn, error, fatal, panic",
                e.getMessage());
    }

    @Test
    void onANodeABadValueLeavesTheLevelAsItWas() {
        LogLevel.WARN.applyToBacalao();

        LogLevel.applyConfigured("loud");

        assertEquals(Level.WARNING, bacalao.getLevel());
    }
}
