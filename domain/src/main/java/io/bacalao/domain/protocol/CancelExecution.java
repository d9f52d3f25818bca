package io.bacalao.domain.protocol;

/** Stop the execution if it runs and report it Cancelled. */
public record CancelExecution(String nodeId, String executionId, String jobId, String reason)
        implements ProtocolMessage {
}
