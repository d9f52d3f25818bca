package io.bacalao.orchestrator.jobs;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets at most {@code permits} writes run at once; the others wait, first come first served. The API's job writes
 * (submit, update, stop, rerun) go through one gate sized by {@code Orchestrator.API.ConcurrentWrites}: without it,
 * more submits than the orchestrator completes would fill every HTTP thread with a job store transaction and leave
 * the inbox consumers, which apply the nodes' reports, a small share of the CPU and the store, so that jobs stop
 * completing while submits pile up (docs/orchestrator-performance.md, "Overload"). Reads are not gated. A gate of 0
 * permits lets every write through.
 */
final class WriteGate {
    private final Semaphore permits;

    WriteGate(int permits) {
        this.permits = permits > 0 ? new Semaphore(permits, true) : null;
    }

    /** Runs {@code write} once a permit is free, and frees it when the write returns or throws. */
    <T> T through(Supplier<T> write) {
        if (permits == null) return write.get();
        permits.acquireUninterruptibly();
        try {
            return write.get();
        } finally {
            permits.release();
        }
    }
}
