package io.bacalao.cli.command.job;

import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.command.flags.WaitFlags;
import io.bacalao.domain.api.ApiModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bacalao job rerun <id>}: runs a stored version of a job again, as a new version, and follows it. */
@Command(name = "rerun", description = "Rerun a job using its id or name.")
public class JobRerunCommand extends ClientCommand {
    @Parameters(index = "0", description = "Job ID, short ID or name.")
    String id;

    @Option(names = {"-v", "--version"}, defaultValue = "0", description = "The job version to rerun (default: the latest).")
    long version;

    @Option(names = "--namespace", description = "Namespace of the job.")
    String namespace;

    @Mixin
    WaitFlags waiting;

    @Option(names = {"-f", "--follow"}, description = "Stream the rerun's logs until it ends.")
    boolean follow;

    @Override
    protected void execute() throws InterruptedException {
        ApiModels.RerunJobResponse r = client().put(JobPaths.job(id, "rerun").param("namespace", namespace).build(),
                new ApiModels.RerunJobRequest(JobPaths.checked(version), "Rerun at user request"), ApiModels.RerunJobResponse.class);
        if (!waiting.hideWarnings() && r.warnings() != null) r.warnings().forEach(w -> err().println("Warning: " + w));
        if (follow) JobSubmitter.streamLogs(this, r.jobId(), r.jobVersion());
        else JobSubmitter.follow(this, r.jobId(), r.jobVersion(), waiting.options(false));
    }
}
