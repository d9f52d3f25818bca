package io.bacalao.cli.command.config;

import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.render.OutputOptions;
import io.bacalao.cli.render.Table;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKey;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.spec.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bacalao config list}: every key with its effective value, as Bacalhau's {@code config list} shows them
 * (table and JSON entries of Key, Value, Description sorted by key; YAML as the whole configuration tree), plus
 * where each value came from (Source) and whether Bacalao acts on the key (Acted). Secrets are redacted.
 */
@Command(name = "list", description = "List every config key with its effective value, source and description.")
public class ConfigListCommand extends ClientCommand {
    @Mixin
    OutputOptions output;

    @Override
    protected void execute() {
        Config config = root().resolveConfig(Map.of());
        if (output.format().equals("yaml")) {
            output.printStructured(out(), config.asTree(true));
            return;
        }
        List<ConfigKey> keys = new ArrayList<>(ConfigKeys.all());
        keys.sort(Comparator.comparing(k -> k.name().toLowerCase(java.util.Locale.ROOT)));
        if (output.isTable()) {
            Table t = new Table(List.of("Key", "Value", "Source", "Description"), 0, 80, 0, 80);
            for (ConfigKey k : keys) {
                String description = k.acted() ? k.description() : "(not acted on) " + k.description();
                t.row(k.name(), text(config.displayValue(k.name())), config.source(k.name()), description);
            }
            t.print(out(), output);
            return;
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ConfigKey k : keys) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("Key", k.name());
            e.put("Value", config.displayValue(k.name()));
            e.put("Description", k.description());
            e.put("Source", config.source(k.name()));
            e.put("Acted", k.acted());
            entries.add(e);
        }
        output.printStructured(out(), entries);
    }

    /** A value as one table cell: lists comma-separated, maps as k=v pairs, structured values as JSON. */
    private static String text(Object value) {
        if (value instanceof List<?> list && list.stream().noneMatch(o -> o instanceof Map<?, ?>)) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) return Json.write(value);
        return String.valueOf(value);
    }
}
