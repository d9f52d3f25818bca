package io.bacalao.cli.command.config;

import picocli.CommandLine.Command;

/** {@code bacalao config …}: show and change the configuration (docs/config.md lists every key). */
@Command(name = "config", description = "Show and change the configuration (every key: docs/config.md).")
public class ConfigCommand {
}
