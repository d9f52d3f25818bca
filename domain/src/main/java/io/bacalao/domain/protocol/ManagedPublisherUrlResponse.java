package io.bacalao.domain.protocol;

/**
 * The orchestrator's answer to a {@link ManagedPublisherUrlRequest}: {@code url} to PUT the execution's archive
 * to, or an empty {@code url} and the reason in {@code error} (s3managed not configured, an execution the node does
 * not run, …). Sent only to the asking node's own queue: the URL is a temporary credential.
 */
public record ManagedPublisherUrlResponse(String nodeId, String requestId, String jobId, String executionId, String url,
        String error) implements ProtocolMessage {
    public ManagedPublisherUrlResponse {
        url = url == null ? "" : url;
        error = error == null ? "" : error;
    }

    /** Never the URL: its signature is a credential. */
    @Override
    public String toString() {
        return "ManagedPublisherUrlResponse[nodeId=" + nodeId + ", requestId=" + requestId + ", executionId="
                + executionId + (error.isEmpty() ? "" : ", error=" + error) + "]";
    }
}
