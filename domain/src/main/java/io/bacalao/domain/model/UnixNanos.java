package io.bacalao.domain.model;

import java.time.Instant;

/**
 * Times as jobs, executions, evaluations and the store keep them, and as Bacalhau's API writes {@code CreateTime}
 * and {@code ModifyTime}: nanoseconds since the Unix epoch in a long (pkg/models/job.go). A long holds the instants
 * from 1677 to 2262; outside them the value overflows, as Go's {@code time.UnixNano} does.
 */
public final class UnixNanos {
    private UnixNanos() {
    }

    public static long of(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
