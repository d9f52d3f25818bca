package io.bacalao.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A command line gets only the commands on its path, and those behave as in the full tree. */
class CommandTreeTest {
    @Test
    void aNamedCommandGetsOnlyItsPath() {
        CommandLine root = CommandTree.forArgs("job", "list", "--limit", "3");
        assertEquals(List.of("job"), List.copyOf(root.getSubcommands().keySet()));
        assertEquals(List.of("list"), List.copyOf(root.getSubcommands().get("job").getSubcommands().keySet()));
    }

    @Test
    void theRootsOptionsMayComeFirstWithTheirValues() {
        assertEquals(List.of("node", "list"), CommandTree.commandPath("--api-host", "node", "--api-port=1234", "node", "list"));
        assertEquals(List.of("job", "describe"), CommandTree.commandPath("-c", "job", "-cA=b", "--config=x.yaml",
                "--data-dir", "list", "job", "describe", "j-1"));
        assertEquals(List.of("version"), CommandTree.commandPath("version", "--client", "job"));
        assertEquals(List.of("docker", "run"), CommandTree.commandPath("docker", "run", "ubuntu", "echo", "job", "list"));
    }

    @Test
    void aCommandLineThatNamesNoCommandGetsTheWholeSubtreeWhereItStops() {
        int all = CommandTree.full().getSubcommands().size();
        int jobs = CommandTree.full().getSubcommands().get("job").getSubcommands().size();
        for (String[] args : new String[][]{{}, {"--help"}, {"bogus", "list"}, {"--bogus", "job", "list"}, {"-V"},
                {"--api-host"}}) {
            assertEquals(all, CommandTree.forArgs(args).getSubcommands().size(), String.join(" ", args));
        }
        for (String[] args : new String[][]{{"job"}, {"job", "--help"}, {"job", "lst"}, {"job", "-x", "list"}}) {
            assertEquals(jobs, CommandTree.forArgs(args).getSubcommands().get("job").getSubcommands().size(),
                    String.join(" ", args));
        }
    }

    @Test
    void everyCommandHasTheUsageAndOptionsItHasInTheFullTree() {
        Map<List<String>, CommandLine> all = new java.util.LinkedHashMap<>();
        collect(CommandTree.full(), List.of(), all);
        assertEquals(47, all.size(), all.keySet().toString());
        all.forEach((path, full) -> {
            CommandLine lazy = CommandTree.forArgs(path.toArray(String[]::new));
            for (String name : path) lazy = lazy.getSubcommands().get(name);
            assertNotNull(lazy, path.toString());
            assertEquals(full.getUsageMessage(), lazy.getUsageMessage(), path.toString());
            assertEquals(full.getCommandSpec().optionsMap().keySet(), lazy.getCommandSpec().optionsMap().keySet(),
                    path.toString());
            assertEquals(full.isStopAtPositional(), lazy.isStopAtPositional(), path.toString());
        });
    }

    @Test
    void theTreesNamesAreThoseOfTheCommands() {
        Map<List<String>, CommandLine> all = new java.util.LinkedHashMap<>();
        collect(CommandTree.full(), List.of(), all);
        all.forEach((path, cmd) -> {
            if (path.isEmpty()) return;
            Command c = cmd.getCommandSpec().userObject().getClass().getAnnotation(Command.class);
            assertEquals(path.get(path.size() - 1), c.name(), path.toString());
        });
    }

    private static void collect(CommandLine cmd, List<String> path, Map<List<String>, CommandLine> into) {
        into.put(path, cmd);
        cmd.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(path);
            p.add(name);
            collect(sub, p, into);
        });
    }
}
