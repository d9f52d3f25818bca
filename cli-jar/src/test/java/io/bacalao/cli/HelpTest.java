package io.bacalao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.command.CommandTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command answers {@code --help} with its usage and exit code 0, and the root alone has {@code --version}. */
class HelpTest {
    @Test
    void everyCommandPrintsItsUsage() {
        List<List<String>> paths = new ArrayList<>();
        collect(CommandTree.full(), List.of(), paths);
        assertTrue(paths.size() > 25, "found only " + paths);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), path + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: bacalao"), path + ": " + run.out());
        }
    }

    @Test
    void theRootPrintsItsVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("bacalao "), run.out());
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> into) {
        into.add(path);
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) return; // an alias
            List<String> p = new ArrayList<>(path);
            p.add(name);
            collect(sub, p, into);
        });
    }
}
