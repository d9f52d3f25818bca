package io.bacalao.cli.command.job;

import picocli.CommandLine.Command;

/** {@code bacalao job …}: submit and inspect jobs. */
@Command(name = "job", description = "Submit and manage jobs.")
public class JobCommand {
}
