package io.bacalao.domain.runtime;

import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;

/**
 * What every node does to keep a long run's footprint in check, scheduled by the one startup bean of each
 * application: gives back the heap its start-up grew once the start has settled ({@link SettledStartGc}) and what a
 * burst of work grew once the node is quiet again ({@link QuietHeapGc}), and keeps its store's file bounded when it
 * is an H2 file ({@link H2FileCompaction}).
 */
public final class FootprintUpkeep {
    private FootprintUpkeep() {
    }

    /** Schedules all three on {@code scheduler}; {@code store} is the node's own database. */
    public static void schedule(ScheduledExecutorService scheduler, DataSource store) {
        SettledStartGc.schedule(scheduler);
        QuietHeapGc.schedule(scheduler);
        H2FileCompaction.schedule(scheduler, store);
    }
}
