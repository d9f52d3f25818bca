package io.bacalao.cli.command.job;

import picocli.CommandLine.Command;

/** {@code bacalao job …}: submit and inspect jobs. */
@Command(name = "job", description = "Submit and manage jobs.",
        subcommands = {JobRunCommand.class, JobListCommand.class, JobDescribeCommand.class, JobHistoryCommand.class,
                JobExecutionsCommand.class, JobStopCommand.class, JobValidateCommand.class,
                JobLogsCommand.class, JobGetCommand.class, JobRerunCommand.class, JobVersionsCommand.class})
public class JobCommand {
}
