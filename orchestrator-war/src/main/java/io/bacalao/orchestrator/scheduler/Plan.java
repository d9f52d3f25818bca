package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.JobState;
import java.util.List;

/**
 * What a scheduler decided for one evaluation; applied atomically by the plan applier, or not at all when
 * the job or an execution changed since the snapshot ({@code expectedJobRevision}, update revisions).
 * {@code newJobState} is null when the job's state does not change.
 */
public record Plan(Evaluation evaluation, String jobId, long expectedJobRevision, List<Execution> newExecutions,
                   List<ExecutionUpdate> updates, JobState newJobState, List<Evaluation> followUps,
                   List<PlannedEvent> events) {
    public Plan {
        newExecutions = List.copyOf(newExecutions);
        updates = List.copyOf(updates);
        followUps = List.copyOf(followUps);
        events = List.copyOf(events);
    }

    public boolean changesNothing() {
        return newExecutions.isEmpty() && updates.isEmpty() && newJobState == null && followUps.isEmpty()
                && events.isEmpty();
    }
}
