package io.bacalao.simulator;

import java.time.Instant;

/** One execution a simulated node ran to completion (recorded just before its RunResult is sent). */
public record SimulatedRun(String nodeId, String jobId, int partition, String executionId, Instant completedAt) {
    /** The partition this run completed: {@code <jobId>/<partition>}. */
    public String partitionKey() {
        return jobId + "/" + partition;
    }
}
