package io.bacalao.orchestrator.nodes;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an action when asked, at most once per period and never twice at once: the first request runs it at once;
 * requests that come while a run is waiting or running are folded into one more run, which starts a period after
 * the previous one started. A run that throws is logged; later requests run it again.
 */
final class Coalescer {
    /** Where runs are scheduled: {@code after(delayNanos, run)}. */
    interface Scheduler {
        void after(long delayNanos, Runnable run);
    }

    private static final Logger LOG = Logger.getLogger(Coalescer.class.getName());
    private final String name;
    private final Runnable action;
    private final long periodNanos;
    private final Scheduler scheduler;
    private final LongSupplier nanoTime;
    private boolean busy;
    private boolean requested;
    private boolean ran;
    private long lastStart;

    Coalescer(String name, Runnable action, Duration period, Scheduler scheduler, LongSupplier nanoTime) {
        this.name = name;
        this.action = action;
        this.periodNanos = period.toNanos();
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
    }

    synchronized void request() {
        requested = true;
        if (busy) return;
        busy = true;
        scheduler.after(delay(), this::run);
    }

    private void run() {
        synchronized (this) {
            requested = false;
            ran = true;
            lastStart = nanoTime.getAsLong();
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + " failed; it runs again on the next request", e);
        } finally {
            synchronized (this) {
                if (requested) {
                    scheduler.after(delay(), this::run);
                } else {
                    busy = false;
                }
            }
        }
    }

    private long delay() {
        return ran ? Math.max(0, lastStart + periodNanos - nanoTime.getAsLong()) : 0;
    }
}
