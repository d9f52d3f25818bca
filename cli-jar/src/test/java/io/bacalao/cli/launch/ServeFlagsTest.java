package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The config keys {@code serve}'s own flags set; {@code --log-level} is Bacalhau's deprecated flag for Logging.Level. */
class ServeFlagsTest {
    private static Map<String, String> flags(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.configFlags();
    }

    @Test
    void logLevelSetsLoggingLevelInLowerCase() {
        assertEquals(Map.of("Logging.Level", "debug"), flags("--log-level", "DEBUG"));
        assertEquals(Map.of("Logging.Level", "warn"), flags("--log-level=warn"));
    }

    @Test
    void roleFlagsAndLogLevelTogether() {
        assertEquals(Map.of("Orchestrator.Enabled", "true", "Compute.Enabled", "true", "Logging.Level", "trace"),
                flags("--orchestrator", "--compute", "--log-level", "trace"));
    }

    @Test
    void noFlagsSetNothing() {
        assertEquals(Map.of(), flags());
    }
}
