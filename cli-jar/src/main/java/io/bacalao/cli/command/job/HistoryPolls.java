package io.bacalao.cli.command.job;

import java.time.Duration;

/**
 * The pauses between a waiting command's reads of a job's history ({@link ProgressPrinter}): {@link #FIRST} after a
 * read that brought events, then twice as long after each read that brought none, up to {@link #MAX}. A job that
 * has just moved is the one likely to end soon, so a short job's end is seen tens of milliseconds after it happens
 * instead of up to {@code MAX} later; a job that runs on without events is read every {@code MAX}, as before the
 * schedule (Bacalhau's CLI reads every 500 ms, reference §6.2). Not thread-safe: one per wait.
 */
final class HistoryPolls {
    static final Duration FIRST = Duration.ofMillis(25);
    static final Duration MAX = Duration.ofMillis(250);

    private Duration next = FIRST;

    /** The pause before the next read, after a read that brought events ({@code moved}) or none. */
    Duration after(boolean moved) {
        if (moved) next = FIRST;
        Duration pause = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        return pause;
    }
}
