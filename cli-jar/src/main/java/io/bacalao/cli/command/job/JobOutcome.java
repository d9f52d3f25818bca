package io.bacalao.cli.command.job;

import io.bacalao.cli.command.ClientCommand;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobStateType;
import java.io.PrintWriter;

/**
 * What a command that waited for its job says about how it ended. As Bacalhau's progress printer
 * ({@code PrintJobProgress} and {@code checkFinalJobState} in {@code cmd/util/printer/progress_printer.go}), a job
 * that ended {@code Failed} is reported as {@code Error: job failed: …} on stderr and the command still exits 0: the
 * command did what it was asked (submit, then follow), so a Bacalhau script that chains on its exit code behaves
 * the same here. A script that must know the outcome reads it ({@code job describe --output json}) rather than
 * the exit code.
 */
final class JobOutcome {
    private JobOutcome() {
    }

    /** Prints the failure of {@code job} when it ended Failed; prints nothing otherwise. */
    static void report(ClientCommand cmd, Job job) {
        if (job.state().stateType() != JobStateType.Failed) return;
        String message = job.state().message();
        PrintWriter err = cmd.err();
        err.println("Error: job failed" + (message == null || message.isBlank() ? "" : ": " + message));
        err.println("Hint: bacalao job describe " + job.id());
        err.flush();
    }
}
