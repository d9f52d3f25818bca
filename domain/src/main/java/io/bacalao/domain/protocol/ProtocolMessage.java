package io.bacalao.domain.protocol;

/**
 * A message between orchestrator and compute nodes. Each travels as one JMS text message: the JSON of the
 * record, with its simple class name in the {@value #TYPE_PROPERTY} property. Delivery is at least once,
 * so every handler must be idempotent.
 */
public sealed interface ProtocolMessage permits HandshakeRequest, HandshakeResponse, Heartbeat, NodeInfoUpdate,
        ShutdownNotice, AskForBid, BidAccepted, BidRejected, CancelExecution, BidResult, RunResult, ComputeError,
        ExecutionProgress, LogStreamRequest, LogStreamCancel, LogChunk, ExecutionStateRequest, ManagedPublisherUrlRequest,
        ManagedPublisherUrlResponse {

    String TYPE_PROPERTY = "BacalaoType";

    /** The compute node the message is from or for. */
    String nodeId();
}
