package io.bacalao.cli.command.job;

import io.bacalao.cli.CliException;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.spec.Json;
import io.bacalao.domain.spec.JobReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bacalao job run [file]}: submits a YAML or JSON job spec (stdin when no file) and follows it. */
@Command(name = "run", description = "Run a job from a YAML or JSON spec file (or stdin).")
public class JobRunCommand extends ClientCommand {
    @Parameters(index = "0", arity = "0..1", description = "Job spec file; '-' or nothing reads stdin.")
    String file;

    @Option(names = "--wait", defaultValue = "true", fallbackValue = "true", arity = "0..1",
            description = "Wait for the job to finish (default true).")
    boolean waitForJob;

    @Option(names = "--wait-timeout-secs", defaultValue = "600", description = "How long to wait (seconds).")
    long waitTimeoutSecs;

    @Option(names = "--id-only", description = "Print only the job ID.")
    boolean idOnly;

    @Option(names = "--dry-run", description = "Show how the spec differs from the stored job of the same name,"
            + " without submitting it (prints the spec when the orchestrator cannot tell).")
    boolean dryRun;

    @Option(names = "--force", description = "Submit even if the spec is identical to the stored version.")
    boolean force;

    @Option(names = "--hide-warnings", description = "Do not print submission warnings.")
    boolean hideWarnings;

    @Option(names = {"-f", "--follow"}, description = "Stream the job's logs until it ends.")
    boolean follow;

    @Override
    protected void execute() throws Exception {
        Job job = JobReader.readFile(readSpec());
        if (dryRun) {
            DryRun.show(this, job);
            return;
        }
        if (follow) {
            var r = JobSubmitter.put(this, job, force, !hideWarnings);
            out().println("Job successfully submitted. Job ID: " + r.jobId());
            LogFollower.follow(this, r.jobId());
            return;
        }
        JobSubmitter.submit(this, job, new JobSubmitter.Options(waitForJob, waitTimeoutSecs, idOnly, force, hideWarnings));
    }

    private String readSpec() throws IOException {
        if (file == null || file.equals("-")) {
            if (System.console() != null) throw new CliException("no job spec: give a file or pipe one on stdin");
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CliException("job spec file not found: " + file);
        }
    }

    /** Submission and progress, shared by every command that submits a job. */
    public static final class JobSubmitter {
        public record Options(boolean waitForJob, long timeoutSecs, boolean idOnly, boolean force, boolean hideWarnings) {
        }

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

        public static void submit(ClientCommand cmd, Job job, Options o) throws InterruptedException {
            ApiModels.PutJobResponse r = put(cmd, job, o.force(), !o.hideWarnings() && !o.idOnly());
            follow(cmd, r.jobId(), 0, o);
        }

        /** Prints the job ID and, unless told not to wait, its progress and the follow-up commands. */
        static void follow(ClientCommand cmd, String jobId, long version, Options o) throws InterruptedException {
            var client = cmd.client();
            var r = new ApiModels.PutJobResponse(jobId, "", null);
            var out = cmd.out();
            if (o.idOnly() || !o.waitForJob()) {
                out.println(r.jobId());
                out.flush();
                if (o.idOnly() && o.waitForJob()) {
                    new ProgressPrinter(client, out).follow(r.jobId(), version, Duration.ofSeconds(o.timeoutSecs()), false);
                }
                return;
            }
            out.println("Job successfully submitted. Job ID: " + r.jobId());
            out.println("Checking job status... (Enter Ctrl+C to exit at any time, your job will continue running):");
            out.println();
            out.flush();
            boolean ended = new ProgressPrinter(client, out).follow(r.jobId(), version,
                    Duration.ofSeconds(o.timeoutSecs()), true);
            if (!ended) {
                cmd.err().println("Warning: Progress tracking timed out after " + o.timeoutSecs()
                        + "s. The job is still running.");
            }
            Job finalJob = client.get(JobPaths.job(r.jobId(), "").build(), ApiModels.GetJobResponse.class).job();
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
            if (finalJob.state().stateType() == JobStateType.Failed) {
                cmd.err().println("Error: job failed");
                cmd.err().flush();
            }
        }
    }
}
