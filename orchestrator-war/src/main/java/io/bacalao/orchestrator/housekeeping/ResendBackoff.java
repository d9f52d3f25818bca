package io.bacalao.orchestrator.housekeeping;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * When the execution sweep may hand a waiting execution's message to its node again. The sweep only looks at
 * executions unchanged for its grace; the first time it sees one, the message is due, and after each re-send the
 * next one waits twice as long as the previous wait ({@code first}, 2×, 4×, … at most {@code max}).
 *
 * <p>Kept in memory on purpose: after a restart every waiting execution is due at once, which is what crash
 * recovery needs (the store is the truth). The doubling only keeps the sweep from asking an overloaded node the
 * same question every pass: those repeats, thousands a minute under a backlog, fed the overload they answered.
 * Executions not seen during a whole sweep cycle ({@link #endCycle}) are forgotten, so the table holds at most the
 * executions waiting now.
 */
final class ResendBackoff {
    private final long firstNanos;
    private final long maxNanos;
    private final Map<String, Entry> entries = new HashMap<>();

    private static final class Entry {
        long nextNanos;
        long waitNanos;
        boolean seen;
    }

    ResendBackoff(Duration first, Duration max) {
        this.firstNanos = first.toNanos();
        this.maxNanos = max.toNanos();
    }

    /**
     * True when the message is due at {@code nowNanos}; a due message counts as sent. {@code key} names an
     * execution as it stands (the sweep uses its ID and modify time, so a changed execution starts afresh).
     */
    boolean take(String key, long nowNanos) {
        Entry e = entries.get(key);
        if (e == null) {
            e = new Entry();
            e.waitNanos = firstNanos;
            e.nextNanos = nowNanos + firstNanos;
            e.seen = true;
            entries.put(key, e);
            return true;
        }
        e.seen = true;
        if (nowNanos < e.nextNanos) return false;
        e.waitNanos = Math.min(e.waitNanos * 2, maxNanos);
        e.nextNanos = nowNanos + e.waitNanos;
        return true;
    }

    /** Ends a sweep cycle: forgets the executions it did not see (no longer waiting). */
    void endCycle() {
        entries.values().removeIf(e -> !e.seen);
        entries.values().forEach(e -> e.seen = false);
    }

    int size() {
        return entries.size();
    }
}
