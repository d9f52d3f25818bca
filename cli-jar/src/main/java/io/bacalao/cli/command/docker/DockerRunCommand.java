package io.bacalao.cli.command.docker;

import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.command.flags.JobFlags;
import io.bacalao.cli.command.flags.RunTimeFlags;
import io.bacalao.cli.command.flags.TaskFlags;
import io.bacalao.cli.command.job.JobSubmitter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bacalao docker run [flags] IMAGE [COMMAND] [ARG...]}. Options end at IMAGE (the command line is set to
 * stop at the first positional, see {@link io.bacalao.cli.Main}): everything after it, or after {@code --}, is
 * the container's command, untouched. One {@code --} right after IMAGE is dropped, as Bacalhau does.
 */
@Command(name = "run", description = "Run a Docker job on the network.",
        customSynopsis = "bacalao docker run [flags] IMAGE[:TAG|@DIGEST] [COMMAND] [ARG...]")
public class DockerRunCommand extends ClientCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", description = "Image, e.g. ubuntu:24.04.")
    String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "Command and arguments for the container.")
    List<String> command = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, description = "Working directory inside the container (absolute).")
    String workdir;

    @Option(names = "--entrypoint", split = ",", description = "Override the image's ENTRYPOINT (comma-separated or repeated).")
    List<String> entrypoint = new ArrayList<>();

    @Mixin
    JobFlags jobFlags;

    @Mixin
    TaskFlags taskFlags;

    @Mixin
    RunTimeFlags runtime;

    @Override
    protected void execute() throws InterruptedException {
        JobSubmitter.submitBuilt(this, DockerJobBuilder.build(image, parameters(), entrypoint, workdir, jobFlags, taskFlags), runtime);
    }

    private List<String> parameters() {
        if (!command.isEmpty() && command.get(0).equals("--")) return command.subList(1, command.size());
        return command;
    }
}
