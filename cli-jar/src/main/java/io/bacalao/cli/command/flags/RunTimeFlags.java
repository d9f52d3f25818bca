package io.bacalao.cli.command.flags;

import io.bacalao.cli.command.job.JobRunCommand.JobSubmitter;
import picocli.CommandLine.Option;

/** How a submitting command behaves once the job is built; Bacalhau's RunTimeSettings. */
public class RunTimeFlags {
    @Option(names = "--wait", defaultValue = "true", fallbackValue = "true", arity = "0..1",
            description = "Wait for the job to finish (default: true; --wait=false prints the ID only).")
    boolean waitForJob;

    @Option(names = "--wait-timeout-secs", defaultValue = "600", description = "How long to wait, in seconds (default: ${DEFAULT-VALUE}).")
    long waitTimeoutSecs;

    @Option(names = "--id-only", description = "Print only the job ID.")
    boolean idOnly;

    @Option(names = "--dry-run", description = "Print the job spec as YAML without submitting it.")
    boolean dryRun;

    @Option(names = "--hide-warnings", description = "Do not print submission warnings.")
    boolean hideWarnings;

    @Option(names = {"-f", "--follow"}, description = "Stream the job's logs after submitting it.")
    boolean follow;

    public boolean dryRun() {
        return dryRun;
    }

    public boolean follow() {
        return follow;
    }

    public boolean hideWarnings() {
        return hideWarnings || idOnly;
    }

    public JobSubmitter.Options options() {
        return new JobSubmitter.Options(waitForJob, waitTimeoutSecs, idOnly, false, hideWarnings);
    }
}
