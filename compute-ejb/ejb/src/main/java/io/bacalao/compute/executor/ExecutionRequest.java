package io.bacalao.compute.executor;

import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import java.nio.file.Path;
import java.util.Map;

/**
 * One execution to run: the execution (with its job), its working directory, the results directory whose
 * {@code stdout}, {@code stderr} and output folders the executor fills, and the environment to inject.
 */
public record ExecutionRequest(Execution execution, Path workDir, Path resultsDir, Map<String, String> environment) {
    public Job job() {
        return execution.job();
    }

    public String executionId() {
        return execution.id();
    }
}
