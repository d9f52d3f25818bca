package io.bacalao.cli.command.job;

import io.bacalao.cli.CliException;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobStateType;

/**
 * The exit status of a command that waited for its job: success only when the job ended {@code Completed}.
 * Bacalhau's progress printer treats every other terminal state (Failed, Stopped) as "job failed"
 * ({@code cmd/util/printer/job_progress_printer.go}); here that also makes the command exit with code 1, so a
 * script can tell a failed run from a good one.
 */
final class JobOutcome {
    private JobOutcome() {
    }

    /** Returns when {@code job} is Completed or still running; throws a {@link CliException} when it failed or stopped. */
    static void require(Job job) {
        JobStateType state = job.state().stateType();
        if (state != JobStateType.Failed && state != JobStateType.Stopped) return;
        String message = job.state().message();
        String what = state == JobStateType.Failed ? "job failed" : "job stopped";
        throw new CliException(message == null || message.isBlank() ? what : what + ": " + message,
                "bacalao job describe " + job.id());
    }
}
