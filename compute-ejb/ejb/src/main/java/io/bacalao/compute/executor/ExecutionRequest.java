package io.bacalao.compute.executor;

import io.bacalao.compute.logs.OutputCapture;
import io.bacalao.compute.storage.Mount;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One execution to run: the execution (with its job), its working directory, the results directory (the folder
 * of each ResultPath is made by {@link MountGuard#check}, which every executor calls before mounting), the prepared
 * inputs, the environment to inject, and where to
 * write what the process prints.
 */
public record ExecutionRequest(Execution execution, Path workDir, Path resultsDir, List<Mount> inputs,
                               Map<String, String> environment, OutputCapture output) {
    public Job job() {
        return execution.job();
    }

    public String executionId() {
        return execution.id();
    }
}
