package io.bacalao.cli.command.docker;

import picocli.CommandLine.Command;

/** {@code bacalao docker …}: Docker jobs from the command line. */
@Command(name = "docker", description = "Run a Docker job on the network (see the run subcommand).")
public class DockerCommand {
}
