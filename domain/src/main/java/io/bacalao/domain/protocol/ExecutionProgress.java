package io.bacalao.domain.protocol;

import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.ExecutionStateType;

/** An intermediate observed state (Running, Publishing) with the event that explains it. */
public record ExecutionProgress(String nodeId, String executionId, String jobId, ExecutionStateType state,
                                Event event) implements ProtocolMessage {
}
