package io.bacalao.cli.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bacalhau v1.9.3's command-line flags as data ({@code bacalhau/cli-flags-v1.9.3.tsv}, taken from its
 * {@code cmd/cli} and {@code cmd/util/flags}): per command, each flag's long name and shorthand, and whether
 * the commands below it inherit it.
 */
record BacalhauFlags(Map<String, List<Flag>> byCommand) {
    /** The root's own name in the data. */
    static final String ROOT = "(root)";

    /**
     * One flag of {@code command} (a command path such as {@code job run}, or {@link #ROOT}); {@code shorthand} is
     * empty when it has none; {@code inherited}: every command below {@code command} takes it too.
     */
    record Flag(String command, String name, String shorthand, boolean inherited, String note) {
        /** How the flag reads in a table: {@code -f/--follow}. */
        String display() {
            return shorthand.isEmpty() ? name : shorthand + "/" + name;
        }

        /** Its key in the list of unsupported flags: {@code job run --force}. */
        String key() {
            return command + " " + name;
        }
    }

    static BacalhauFlags load() {
        Map<String, List<Flag>> byCommand = new LinkedHashMap<>();
        try (var in = BacalhauFlags.class.getResourceAsStream("/bacalhau/cli-flags-v1.9.3.tsv");
             var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.lines().filter(l -> !l.startsWith("#")).skip(1).forEach(line -> {
                String[] f = line.split("\t", -1);
                List<Flag> flags = byCommand.computeIfAbsent(f[0], c -> new ArrayList<>());
                if (!f[1].isEmpty()) flags.add(new Flag(f[0], f[1], f[2], f[3].equals("yes"), f[5]));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BacalhauFlags(byCommand);
    }

    /** The commands below {@code command} (all of them for the root), itself excluded. */
    List<String> below(String command) {
        return byCommand.keySet().stream()
                .filter(c -> !c.equals(command) && !c.equals(ROOT) && (command.equals(ROOT) || c.startsWith(command + " ")))
                .toList();
    }
}
