package io.bacalao.container.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polling for conditions the node reaches eventually (its MDBs and timers work on their own threads). */
public final class Waits {
    /** Long enough for an evaluation's retries (1 s, then 5 s) on a loaded 2-core machine. */
    public static final Duration DEFAULT = Duration.ofSeconds(60);

    private Waits() {
    }

    /** Waits until {@code value} gives a non-null result and returns it. */
    public static <T> T until(String what, Supplier<T> value) {
        return until(what, DEFAULT, value);
    }

    public static <T> T until(String what, Duration timeout, Supplier<T> value) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            T v = value.get();
            if (v != null) return v;
            pause();
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + "s waiting for " + what);
    }

    /** Waits until {@code condition} holds. */
    public static void untilTrue(String what, Supplier<Boolean> condition) {
        until(what, () -> condition.get() ? Boolean.TRUE : null);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
