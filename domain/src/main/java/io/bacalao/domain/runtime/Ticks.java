package io.bacalao.domain.runtime;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A node's periodic work (sweeps, retention, heartbeats) on a scheduler instead of EJB timers: Payara's timer
 * service needs its Hazelcast member, which nodes no longer start (docs/node-footprint.md).
 *
 * <p>Contract: {@code tick} runs first after {@code initial}, then {@code period} after each run has ended (runs
 * never overlap); a run that throws is logged and the next one still comes, as an interval timer's did
 * (a plain {@link ScheduledExecutorService} would stop at the first exception). Cancelling the returned future
 * stops it.
 */
public final class Ticks {
    private Ticks() {
    }

    public static ScheduledFuture<?> every(ScheduledExecutorService scheduler, Duration initial, Duration period,
                                           String name, Logger log, Runnable tick) {
        Runnable guarded = () -> {
            try {
                tick.run();
            } catch (Throwable t) {
                log.log(Level.WARNING, name + " failed; it runs again in " + period.toMillis() + " ms", t);
            }
        };
        return scheduler.scheduleWithFixedDelay(guarded, initial.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }
}
