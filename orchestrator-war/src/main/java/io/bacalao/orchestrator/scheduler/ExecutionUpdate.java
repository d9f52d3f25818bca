package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.ComputeState;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.Event;

/**
 * A change the scheduler wants on an existing execution, valid only if the execution still has
 * {@code expectedRevision}. {@code compute} may be null (observed state unchanged). {@code event} is recorded
 * in the execution's history when present.
 */
public record ExecutionUpdate(String executionId, long expectedRevision, DesiredState desired, ComputeState compute,
                              Event event) {
}
