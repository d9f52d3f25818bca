package io.bacalao.domain.protocol;

import io.bacalao.domain.model.Event;
import java.util.List;

/** An execution that failed on the node, with a message the user can act on. */
public record ComputeError(String nodeId, String executionId, String jobId, String message, List<Event> events)
        implements ProtocolMessage {
    public ComputeError {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
