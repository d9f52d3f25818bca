package io.bacalao.compute.outbox;

/** A stored report as the sender reads it: its place in the outbox, what it concerns, and its wire form. */
public record PendingReport(long id, String executionId, String type, String body) {
}
