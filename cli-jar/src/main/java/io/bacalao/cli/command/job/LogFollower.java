package io.bacalao.cli.command.job;

import io.bacalao.cli.client.LogStream;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Job;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code -f/--follow} of the submitting commands: waits (up to 10 s) for the job to leave Pending, then streams
 * its logs to the command's stdout until the execution ends.
 */
public final class LogFollower {
    private static final Duration LEAVE_PENDING = Duration.ofSeconds(10);

    private LogFollower() {
    }

    /** Follows the logs of {@code jobId}'s {@code version} (0: the latest); returns when its execution has ended. */
    public static void follow(ClientCommand cmd, String jobId, long version) throws InterruptedException {
        cmd.out().println("Waiting for logs... (Enter Ctrl+C to exit at any time, your job will continue running):");
        cmd.out().println();
        cmd.out().flush();
        Instant deadline = Instant.now().plus(LEAVE_PENDING);
        while (Instant.now().isBefore(deadline)) {
            ApiModels.GetJobResponse r = cmd.client().get(JobPaths.job(jobId, "").param("include", "executions").build(),
                    ApiModels.GetJobResponse.class);
            Job job = r.job();
            boolean started = r.executions() != null && r.executions().items().stream()
                    .anyMatch(e -> version == 0 || e.jobVersion() == version);
            if (job.isTerminal() || started && !job.state().stateType().isWaiting()) break;
            Thread.sleep(200);
        }
        LogStream.of(cmd.client()).copy(jobId, null, version, true, false, null, cmd.out());
    }
}
