package io.bacalao.cli.command.job;

import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.command.flags.LocalValidator;
import io.bacalao.cli.command.flags.RunTimeFlags;
import io.bacalao.cli.spec.SpecYaml;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import java.time.Duration;

/** Submission and progress, shared by every command that submits a job. */
public final class JobSubmitter {
    public record Options(boolean waitForJob, long timeoutSecs, boolean idOnly, boolean force, boolean hideWarnings,
                          boolean nodeDetails, boolean groupEvents) {
    }

    /** How long {@code --follow} waits, after the logs ended, for the job to reach its final state. */
    private static final Duration SETTLE_AFTER_LOGS = Duration.ofSeconds(30);

    private JobSubmitter() {
    }

    /** PUTs the job and prints the server's warnings to stderr when {@code printWarnings}; nothing else. */
    public static ApiModels.PutJobResponse put(ClientCommand cmd, Job job, boolean force, boolean printWarnings) {
        ApiModels.PutJobResponse r = cmd.client().put(JobPaths.JOBS,
                new ApiModels.PutJobRequest(Json.mapper().valueToTree(job), force), ApiModels.PutJobResponse.class);
        if (printWarnings && r.warnings() != null) {
            r.warnings().forEach(w -> cmd.err().println("Warning: " + w));
            cmd.err().flush();
        }
        return r;
    }

    /**
     * For commands that build the job from flags (docker run, wasm run): validates it here, prints it with
     * {@code --dry-run}, otherwise submits it and follows its progress, or its logs with {@code --follow}.
     */
    public static void submitBuilt(ClientCommand cmd, Job job, RunTimeFlags runtime) throws InterruptedException {
        LocalValidator.validate(job);
        if (runtime.dryRun()) {
            cmd.out().print(SpecYaml.write(job));
        } else if (runtime.follow()) {
            submitAndStreamLogs(cmd, job, false, !runtime.hideWarnings());
        } else {
            submit(cmd, job, runtime.options());
        }
    }

    /** Submits the job, prints its ID and streams its logs until it ends. */
    public static void submitAndStreamLogs(ClientCommand cmd, Job job, boolean force, boolean printWarnings)
            throws InterruptedException {
        streamLogs(cmd, put(cmd, job, force, printWarnings).jobId(), 0);
    }

    /**
     * Prints the submitted job's ID and streams the logs of its {@code version} (0: the latest) until it ends, then
     * reports a failure ({@link JobOutcome}).
     */
    public static void streamLogs(ClientCommand cmd, String id, long version) throws InterruptedException {
        cmd.out().println("Job successfully submitted. Job ID: " + id);
        cmd.out().flush();
        LogFollower.follow(cmd, id, version);
        // the log stream ends with the execution; the job's state follows within moments
        new ProgressPrinter(cmd.client(), cmd.out()).follow(id, version, SETTLE_AFTER_LOGS, false);
        JobOutcome.report(cmd, fetch(cmd, id));
    }

    public static void submit(ClientCommand cmd, Job job, Options o) throws InterruptedException {
        ApiModels.PutJobResponse r = put(cmd, job, o.force(), !o.hideWarnings() && !o.idOnly());
        follow(cmd, r.jobId(), 0, o);
    }

    /**
     * Prints the job ID and, unless told not to wait, its progress and the follow-up commands; when it waited and
     * the job failed, reports it ({@link JobOutcome}: on stderr, exit code 0 as Bacalhau).
     */
    public static void follow(ClientCommand cmd, String jobId, long version, Options o) throws InterruptedException {
        var client = cmd.client();
        var r = new ApiModels.PutJobResponse(jobId, "", null);
        var out = cmd.out();
        if (o.idOnly() || !o.waitForJob()) {
            out.println(r.jobId());
            out.flush();
            if (o.idOnly() && o.waitForJob()) {
                if (new ProgressPrinter(client, out).follow(r.jobId(), version, Duration.ofSeconds(o.timeoutSecs()), false)) {
                    JobOutcome.report(cmd, fetch(cmd, r.jobId()));
                }
            }
            return;
        }
        out.println("Job successfully submitted. Job ID: " + r.jobId());
        out.println("Checking job status... (Enter Ctrl+C to exit at any time, your job will continue running):");
        out.println();
        out.flush();
        boolean ended = new ProgressPrinter(client, out, o.groupEvents()).follow(r.jobId(), version,
                Duration.ofSeconds(o.timeoutSecs()), true);
        if (!ended) {
            cmd.err().println("Warning: Progress tracking timed out after " + o.timeoutSecs()
                    + "s. The job is still running.");
        }
        Job finalJob = fetch(cmd, r.jobId());
        if (ended) JobOutcome.report(cmd, finalJob);
        if (o.nodeDetails()) NodeResults.print(cmd, r.jobId(), version);
        out.println();
        out.println("To get more details about the run, execute:");
        out.println("\tbacalao job describe " + r.jobId());
        out.println();
        out.println("To get more details about the run executions, execute:");
        out.println("\tbacalao job executions " + r.jobId());
        if (!finalJob.tasks().isEmpty() && !finalJob.task().publisher().isEmpty()) {
            out.println();
            out.println("To download the results, execute:");
            out.println("\tbacalao job get " + r.jobId());
        }
        out.flush();
    }

    private static Job fetch(ClientCommand cmd, String jobId) {
        return cmd.client().get(JobPaths.job(jobId, "").build(), ApiModels.GetJobResponse.class).job();
    }
}
