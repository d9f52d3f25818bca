package io.bacalao.cli.command.flags;

import io.bacalao.cli.command.job.JobSubmitter;
import picocli.CommandLine.Option;

/** Whether and how long a submitting command waits for the job, and what it prints meanwhile. */
public class WaitFlags {
    @Option(names = "--wait", defaultValue = "true", fallbackValue = "true", arity = "0..1",
            description = "Wait for the job to finish (default: true; --wait=false prints the ID only).")
    boolean waitForJob;

    @Option(names = "--wait-timeout-secs", defaultValue = "600", description = "How long to wait, in seconds (default: ${DEFAULT-VALUE}).")
    long waitTimeoutSecs;

    @Option(names = "--id-only", description = "Print only the job ID.")
    boolean idOnly;

    @Option(names = "--hide-warnings", description = "Do not print submission warnings.")
    boolean hideWarnings;

    @Option(names = "--node-details", description = "After the job ended, print each node's result (overridden by --id-only).")
    boolean nodeDetails;

    @Option(names = "--group-events", description = "Show the latest event of each execution as one table instead of every event.")
    boolean groupEvents;

    /** True when warnings stay unprinted: asked for, or only the ID is printed. */
    public boolean hideWarnings() {
        return hideWarnings || idOnly;
    }

    public JobSubmitter.Options options(boolean force) {
        return new JobSubmitter.Options(waitForJob, waitTimeoutSecs, idOnly, force, hideWarnings, nodeDetails, groupEvents);
    }
}
