package io.bacalao.compute.outbox;

import java.util.HashMap;
import java.util.Map;

/**
 * Whose fault a report that could not be sent is, and when to stop trying it. A failure while the broker is
 * unreachable is the broker's: the report is tried again, however long that takes, and not counted. A failure while
 * the broker takes the node's connection is the report's (the broker refused it: too large, not allowed): after
 * {@link #MAX_REFUSALS} such failures in a row it is parked, so that it no longer holds back the reports behind it.
 * Not thread-safe: the {@link OutboxSender} sends on one thread at a time.
 */
final class Refusals {
    static final int MAX_REFUSALS = 3;

    /** What to do with a report after a failed send. */
    enum Verdict {
        /** The broker is away: stop here and try this report again later. */
        WAIT_FOR_BROKER,
        /** Refused, not yet {@link #MAX_REFUSALS} times: try it again later. */
        TRY_AGAIN,
        /** Refused {@link #MAX_REFUSALS} times while the broker was reachable: set it aside and go on. */
        PARK
    }

    private final Map<Long, Integer> byReport = new HashMap<>();

    /** Records a failed send of report {@code id}; {@code brokerReachable}: whether the broker took a connection after it. */
    Verdict failed(long id, boolean brokerReachable) {
        if (!brokerReachable) return Verdict.WAIT_FOR_BROKER;
        int refusals = byReport.merge(id, 1, Integer::sum);
        if (refusals < MAX_REFUSALS) return Verdict.TRY_AGAIN;
        byReport.remove(id);
        return Verdict.PARK;
    }

    /** Report {@code id} was sent (or parked): forget its refusals. */
    void sent(long id) {
        byReport.remove(id);
    }

    int tracked() {
        return byReport.size();
    }
}
