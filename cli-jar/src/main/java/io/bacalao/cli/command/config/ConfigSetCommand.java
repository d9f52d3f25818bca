package io.bacalao.cli.command.config;

import io.bacalao.cli.CliException;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.domain.config.ConfigFileWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bacalao config set KEY=VALUE} (or {@code KEY VALUE...}, several values making a list) writes one key into
 * {@code <DataDir>/config.yaml}, or into the file given with {@code --config FILE}, as Bacalhau's command does.
 */
@Command(name = "set", description = "Set a key in the config file (<DataDir>/config.yaml, or --config FILE).",
        footer = {"", "Examples:", "  bacalao config set API.Host=127.0.0.1",
                "  bacalao config set Compute.Orchestrators=nats://127.0.0.1:4222,nats://10.0.0.2:4222",
                "  bacalao config set --config ./node.yaml Labels=region=eu,zone=a"})
public class ConfigSetCommand extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "KEY=VALUE|KEY VALUE...", description = "The key and its value.")
    List<String> args = new ArrayList<>();

    @Override
    protected void execute() {
        String key;
        List<String> values;
        int eq = args.get(0).indexOf('=');
        if (eq > 0) {
            if (args.size() > 1) throw new CliException("give either KEY=VALUE or KEY VALUE..., not both");
            key = args.get(0).substring(0, eq);
            values = List.of(args.get(0).substring(eq + 1));
        } else {
            if (args.size() < 2) throw new CliException("must provide both key and value, or key=value");
            key = args.get(0);
            values = args.subList(1, args.size());
        }
        Path file = target();
        ConfigFileWriter.set(file, key, values);
        err().println("Writing config to " + file);
    }

    /** The last -c/--config that names a file, else {@code <DataDir>/config.yaml}. */
    private Path target() {
        List<String> files = root().configOptions().stream().filter(c -> !c.contains("=")).toList();
        if (files.size() < root().configOptions().size()) {
            throw new CliException("config set takes --config FILE (the file to write), not --config KEY=VALUE");
        }
        return files.isEmpty() ? root().dataDirPath().resolve("config.yaml") : Path.of(files.get(files.size() - 1));
    }
}
