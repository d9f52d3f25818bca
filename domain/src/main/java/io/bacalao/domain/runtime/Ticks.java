package io.bacalao.domain.runtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A node's periodic work (sweeps, retention, heartbeats) on a thread of its own instead of an EJB timer: Payara's
 * timer service keeps timers in its Hazelcast member, which a node has no other use for (docs/node-footprint.md).
 *
 * <p>Contract: {@code tick} runs first after {@code initial}, then {@code period} after each run has ended (runs
 * never overlap); a run that throws is logged and the next one still comes, as an interval timer's did (a plain
 * scheduled executor stops at the first exception). Each tick has its own thread from {@code threads} (a container's
 * managed thread factory), so a slow run delays only its own tick: the container's default scheduled executor has
 * a single thread, shared with the nodes' short scheduled tasks. {@link #close} lets a running run end and stops
 * the tick.
 */
public final class Ticks implements AutoCloseable {
    private final ScheduledExecutorService thread;

    private Ticks(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    public static Ticks every(ThreadFactory threads, Duration initial, Duration period, String name, Logger log,
                              Runnable tick) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(threads);
        thread.scheduleWithFixedDelay(() -> {
            try {
                tick.run();
            } catch (Throwable t) {
                log.log(Level.WARNING, name + " failed; it runs again in " + period.toMillis() + " ms", t);
            }
        }, initial.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return new Ticks(thread);
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
