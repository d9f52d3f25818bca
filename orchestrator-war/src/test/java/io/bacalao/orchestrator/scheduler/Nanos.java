package io.bacalao.orchestrator.scheduler;

import java.time.Instant;

/** Unix nanoseconds, the unit of every model timestamp. */
public final class Nanos {
    private Nanos() {
    }

    public static long of(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
