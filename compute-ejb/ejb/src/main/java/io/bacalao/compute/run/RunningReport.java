package io.bacalao.compute.run;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Running report of one run, sent only once the run has lasted {@code Compute.Executions.RunningReportDelay}:
 * a run that ends sooner reports only its end, which saves the orchestrator a message and a commit per short job.
 * The orchestrator takes BidAccepted → Completed/Failed directly (its scheduler already recorded the "Running"
 * event when it approved the bid), so what the API shows of such a run is unchanged but for the ComputeState
 * Running that nobody could have seen for so short a time.
 */
final class RunningReport implements AutoCloseable {
    private final Future<?> pending;

    private RunningReport(Future<?> pending) {
        this.pending = pending;
    }

    /** Sends {@code send} after {@code delay} on {@code scheduler}; at once, on the calling thread, when it is zero. */
    static RunningReport after(Duration delay, ScheduledExecutorService scheduler, Runnable send) {
        if (delay.isNegative()) throw new IllegalArgumentException("negative delay " + delay);
        if (delay.isZero()) {
            send.run();
            return new RunningReport(null);
        }
        return new RunningReport(scheduler.schedule(send, delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** The run has ended: a report not sent yet never is (one being sent finishes; the orchestrator ignores it). */
    @Override
    public void close() {
        if (pending != null) pending.cancel(false);
    }
}
