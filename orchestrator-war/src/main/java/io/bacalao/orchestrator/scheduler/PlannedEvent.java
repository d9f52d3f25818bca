package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.Event;

/** A history entry to append; {@code executionId} empty for job-level events. */
public record PlannedEvent(String executionId, Event event) {
    public static PlannedEvent job(Event e) {
        return new PlannedEvent("", e);
    }

    public static PlannedEvent execution(String executionId, Event e) {
        return new PlannedEvent(executionId, e);
    }
}
