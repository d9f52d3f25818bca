package io.bacalao.domain.protocol;

import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.RunOutput;
import io.bacalao.domain.model.SpecConfig;
import java.util.List;

/** A finished execution: where its results were published and a summary of its output. */
public record RunResult(String nodeId, String executionId, String jobId, SpecConfig publishedResult,
                        RunOutput output, List<Event> events) implements ProtocolMessage {
    public RunResult {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
