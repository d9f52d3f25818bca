package io.bacalao.cli.command.job;

import io.bacalao.cli.client.LogStream;
import io.bacalao.cli.command.ClientCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bacalao job logs <id>}: what the job's execution printed, stdout and stderr as they came. */
@Command(name = "logs", description = "Print (or follow) the logs of a job's execution.")
public class JobLogsCommand extends ClientCommand {
    @Parameters(index = "0", description = "Job ID, short ID or name.")
    String id;

    @Option(names = {"-e", "--execution-id"}, description = "The execution to show (default: the latest).")
    String executionId;

    @Option(names = {"-f", "--follow"}, description = "Keep printing until the execution ends.")
    boolean follow;

    @Option(names = {"-t", "--tail"}, description = "Only output written from now on.")
    boolean tail;

    @Option(names = {"-v", "--version"}, defaultValue = "0",
            description = "The job version whose execution to show (default: the latest execution of any version).")
    long version;

    @Option(names = "--namespace", description = "Namespace of the job.")
    String namespace;

    @Override
    protected void execute() throws InterruptedException {
        LogStream.of(client()).copy(id, executionId, JobPaths.checked(version), follow, tail, namespace, out());
    }
}
