package io.bacalao.orchestrator.store;

/** An execution known only by its IDs (its row cannot be read) that its node must stop, for {@code reason}. */
public record StopOrder(String nodeId, String executionId, String jobId, String reason) {
}
