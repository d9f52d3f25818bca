package io.bacalao.compute.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reports the broker has taken whose outbox rows are still stored. Their rows are removed together, in one
 * transaction, once {@link #MAX} have gathered or the oldest was sent {@link #DELAY} ago, instead of one transaction
 * per send; until then the sender leaves them out of what it reads. A node that dies before the removal sends them
 * again after its restart: at least once, as before, and the orchestrator's report handlers are idempotent.
 * Thread-safe; the {@link OutboxSender} sends and removes on one thread at a time, others only read.
 */
final class SentReports {
    static final int MAX = 100;
    static final Duration DELAY = Duration.ofMillis(250);

    private final Clock clock;
    private final Set<Long> ids = new LinkedHashSet<>();
    private long oldestSentMillis;

    SentReports(Clock clock) {
        this.clock = clock;
    }

    /** Report {@code id} was taken by the broker: its row is to be removed. */
    synchronized void sent(long id) {
        if (ids.isEmpty()) oldestSentMillis = clock.millis();
        ids.add(id);
    }

    /** The reports sent whose rows still stand, for the sender to leave out. */
    synchronized Set<Long> notRemoved() {
        return Set.copyOf(ids);
    }

    /** Whether the rows are to be removed now: {@link #MAX} of them, or the oldest sent {@link #DELAY} ago. */
    synchronized boolean removalDue() {
        return ids.size() >= MAX || !ids.isEmpty() && untilDue().isZero();
    }

    /** How long until the rows gathered so far are due (zero when they are, or when there are none). */
    synchronized Duration untilDue() {
        if (ids.isEmpty()) return Duration.ZERO;
        long left = oldestSentMillis + DELAY.toMillis() - clock.millis();
        return left <= 0 ? Duration.ZERO : Duration.ofMillis(left);
    }

    /** The IDs to remove now; they are forgotten once {@link #removed} confirms it. */
    synchronized List<Long> toRemove() {
        return new ArrayList<>(ids);
    }

    /** The rows of {@code removed} are gone (their transaction committed). */
    synchronized void removed(List<Long> removed) {
        removed.forEach(ids::remove);
        if (!ids.isEmpty()) oldestSentMillis = clock.millis();
    }

    synchronized boolean isEmpty() {
        return ids.isEmpty();
    }
}
