package io.bacalao.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliRun;
import org.junit.jupiter.api.Test;

/** Bacalhau's deprecated, hidden root {@code --log-level}: every command takes it, says it is deprecated, checks it. */
class LogLevelFlagTest {
    private static final String DEPRECATED =
            "Flag --log-level has been deprecated, Use --config Logging.Level=<value> to set this configuration\n";

    @Test
    void everyCommandTakesItBeforeOrAfterItsName() {
        for (String[] args : new String[][]{{"--log-level", "debug", "version", "--client"},
                {"version", "--client", "--log-level=WARN"}, {"config", "list", "--log-level", "trace", "--output", "json"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().startsWith(DEPRECATED), run.err());
        }
        assertTrue(CliRun.of("version", "--client").err().isEmpty(), "no line without the flag");
    }

    @Test
    void anUnknownLevelIsAnErrorBeforeTheCommandRuns() {
        CliRun run = CliRun.of("version", "--client", "--log-level", "loud");
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals("Error: invalid --log-level \"loud\": use one of trace, debug, info, warn, error, fatal, panic\n", run.err());
    }

    @Test
    void itIsHiddenAsInBacalhau() {
        assertTrue(!CliRun.of("--help").out().contains("--log-level"));
    }
}
