package io.bacalao.orchestrator.nodes;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Since when the orchestrator could have heard from its nodes, which bounds how long a silent node may be blamed for
 * its silence. A heartbeat reaches the job store only when the liveness queue's consumer is connected to the broker
 * and the store can be written; while either is away no node can be heard from, and once both are back every node
 * gets one full disconnect timeout, counted from then, before it is declared gone (heartbeats sent meanwhile were
 * lost with the broker, or wait in the queue for the consumer and the store).
 *
 * <p>Thread-safe: the liveness queue's consumer reports the broker, the liveness check reports the store and asks.
 */
final class HeardFromWindow {
    /** What a heartbeat passes through on its way to the job store. */
    enum Path { BROKER, STORE }

    private final Clock clock;
    private final Set<Path> away = EnumSet.noneOf(Path.class);
    private long since;

    /** Nodes could be heard from since the orchestrator's start, now. */
    HeardFromWindow(Clock clock) {
        this.clock = clock;
        this.since = clock.millis();
    }

    synchronized void away(Path path) {
        away.add(path);
    }

    /** {@code path} works; if it was away, the window starts again now. */
    synchronized void back(Path path) {
        if (away.remove(path)) since = clock.millis();
    }

    synchronized boolean isAway(Path path) {
        return away.contains(path);
    }

    /**
     * Whether a node silent for {@code timeout} up to now may be declared gone: only when heartbeats could arrive
     * all that time, so never while the broker or the store is away.
     */
    synchronized boolean mayBlameSilenceOf(Duration timeout) {
        return away.isEmpty() && clock.millis() - timeout.toMillis() >= since;
    }
}
