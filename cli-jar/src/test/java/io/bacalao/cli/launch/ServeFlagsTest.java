package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.cli.command.CommandTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The config keys {@code serve}'s flags set; {@code --log-level} (the root's, inherited) is Bacalhau's deprecated flag
 * for Logging.Level.
 */
class ServeFlagsTest {
    private static Map<String, String> flags(String... args) {
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        CommandLine root = CommandTree.forArgs(all.toArray(String[]::new));
        root.parseArgs(all.toArray(String[]::new));
        return root.getSubcommands().get("serve").<ServeCommand>getCommand().configFlags();
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
