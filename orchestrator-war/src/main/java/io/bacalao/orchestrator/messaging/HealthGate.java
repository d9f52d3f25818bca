package io.bacalao.orchestrator.messaging;

import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * Whether a dependency of the inbox (the job store) is ready, as its readiness check says, probed at most once per
 * backoff while it is not: after a failed probe the next is due {@link #FIRST_BACKOFF_MILLIS} later, doubling up to
 * {@link #MAX_BACKOFF_MILLIS}; a successful probe resets the backoff. A consumer that saw a message fail for want of
 * the dependency waits on this gate before it takes more messages, so that none spends its attempts meanwhile.
 */
final class HealthGate {
    static final long FIRST_BACKOFF_MILLIS = 500;
    static final long MAX_BACKOFF_MILLIS = 5_000;

    private final BooleanSupplier probe;
    private final Clock clock;
    private long backoff = FIRST_BACKOFF_MILLIS;
    private long nextProbe = Long.MIN_VALUE;
    private boolean ready = true;

    HealthGate(BooleanSupplier probe, Clock clock) {
        this.probe = probe;
        this.clock = clock;
    }

    /** Probes now, whatever the backoff (after a failure: was it the dependency's fault?). */
    synchronized boolean probeNow() {
        nextProbe = Long.MIN_VALUE;
        return ready();
    }

    /** True when the last probe found the dependency ready; probes again when one is due. */
    synchronized boolean ready() {
        long now = clock.millis();
        if (now < nextProbe) return ready;
        ready = probe.getAsBoolean();
        if (ready) {
            backoff = FIRST_BACKOFF_MILLIS;
            nextProbe = Long.MIN_VALUE;
        } else {
            nextProbe = now + backoff;
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
        return ready;
    }

    /** Milliseconds until the next probe is due (0 when one is due now). */
    synchronized long millisToNextProbe() {
        return nextProbe == Long.MIN_VALUE ? 0 : Math.max(0, nextProbe - clock.millis());
    }
}
