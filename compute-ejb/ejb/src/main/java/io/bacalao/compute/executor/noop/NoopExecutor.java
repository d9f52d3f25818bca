package io.bacalao.compute.executor.noop;

import io.bacalao.compute.executor.ExecutionOutcome;
import io.bacalao.compute.executor.ExecutionRequest;
import io.bacalao.compute.executor.Executor;
import jakarta.enterprise.context.ApplicationScoped;

/** Bacalhau's testing engine: completes at once, exit code 0, empty output. */
@ApplicationScoped
public class NoopExecutor implements Executor {
    @Override
    public String engine() {
        return "noop";
    }

    @Override
    public ExecutionOutcome run(ExecutionRequest request) {
        return new ExecutionOutcome(0);
    }

    @Override
    public void cancel(String executionId) {
        // nothing runs, nothing to stop
    }
}
