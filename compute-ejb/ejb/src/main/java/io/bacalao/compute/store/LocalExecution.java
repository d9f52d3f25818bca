package io.bacalao.compute.store;

import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.RunOutput;
import io.bacalao.domain.model.SpecConfig;

/**
 * An execution as this node knows it: the orchestrator's execution (with its job), the local state, and the
 * outcome once finished (kept so a lost report can be sent again).
 */
public record LocalExecution(Execution execution, ExecutionStateType state, String message,
                             SpecConfig publishedResult, RunOutput output) {

    public static LocalExecution received(Execution e) {
        return new LocalExecution(e, ExecutionStateType.New, "", null, null);
    }

    public String id() {
        return execution.id();
    }

    public Job job() {
        return execution.job();
    }

    public Resources usage() {
        return execution.allocatedResources().total();
    }

    public LocalExecution to(ExecutionStateType next, String why) {
        return new LocalExecution(execution, next, why == null ? "" : why, publishedResult, output);
    }

    public LocalExecution completed(SpecConfig published, RunOutput out) {
        return new LocalExecution(execution, ExecutionStateType.Completed, "", published, out);
    }
}
