package io.bacalao.cli.command.job;

import io.bacalao.cli.CliException;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bacalao job stop <id>}: stops a job and cancels its executions. */
@Command(name = "stop", description = "Stop a job.")
public class JobStopCommand extends ClientCommand {
    static final String DEFAULT_REASON = "Stopped at user request";

    @Parameters(index = "0", description = "Job ID, short ID or name.")
    String id;

    @Option(names = "--namespace", description = "Namespace of the job.")
    String namespace;

    @Option(names = "--quiet", description = "Print nothing.")
    boolean quiet;

    @Override
    protected void execute() {
        if (!quiet) out().println("Checking job status");
        Job job = client().get(JobPaths.job(id, "").param("namespace", namespace).build(), ApiModels.GetJobResponse.class).job();
        if (job.isTerminal()) {
            throw new CliException("Job is already in a terminal state.\nThe current state is: " + job.state().stateType());
        }
        if (!quiet) out().println("Stopping job");
        ApiModels.StopJobResponse r = client().delete(JobPaths.job(job.id(), "").param("namespace", namespace).build(),
                new ApiModels.StopJobRequest(DEFAULT_REASON), ApiModels.StopJobResponse.class);
        if (!quiet) out().println("Job stop successfully submitted with evaluation ID: " + r.evaluationId());
    }
}
