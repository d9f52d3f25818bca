package io.bacalao.cli.command.flags;

import io.bacalao.cli.command.job.JobSubmitter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a command that builds a job from flags behaves once the job is built; Bacalhau's RunTimeSettings. */
public class RunTimeFlags {
    @Mixin
    WaitFlags waiting;

    @Option(names = "--dry-run", description = "Print the job spec as YAML without submitting it.")
    boolean dryRun;

    @Option(names = {"-f", "--follow"}, description = "Stream the job's logs after submitting it.")
    boolean follow;

    public boolean dryRun() {
        return dryRun;
    }

    public boolean follow() {
        return follow;
    }

    public boolean hideWarnings() {
        return waiting.hideWarnings();
    }

    public JobSubmitter.Options options() {
        return waiting.options(false);
    }
}
