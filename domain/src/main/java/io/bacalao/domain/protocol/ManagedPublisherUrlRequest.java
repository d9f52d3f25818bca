package io.bacalao.domain.protocol;

/**
 * A compute node asks its orchestrator for a pre-signed PUT URL into the orchestrator's s3managed bucket for one
 * execution's results (Bacalhau's {@code ManagedPublisherPreSignURLRequest}). {@code requestId} pairs the answer
 * with the question; the node holds no S3 credentials.
 */
public record ManagedPublisherUrlRequest(String nodeId, String requestId, String jobId, String executionId)
        implements ProtocolMessage {
}
