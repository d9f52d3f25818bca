package io.bacalao.orchestrator.housekeeping;

import io.bacalao.domain.runtime.H2FileCompaction;
import io.bacalao.domain.runtime.QuietHeapGc;
import io.bacalao.domain.runtime.SettledStartGc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import javax.sql.DataSource;

/**
 * Keeps a long-running node's footprint in check: gives back the heap its start-up grew once the start has settled
 * ({@link SettledStartGc}) and what a burst of work grew once the node is quiet again ({@link QuietHeapGc}), and keeps
 * its job store's file bounded when it is an H2 file ({@link H2FileCompaction}).
 */
@Startup
@Singleton
public class NodeUpkeep {
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    @Resource(lookup = "jdbc/__default")
    DataSource store;

    @PostConstruct
    void start() {
        SettledStartGc.schedule(scheduler);
        QuietHeapGc.schedule(scheduler);
        H2FileCompaction.schedule(scheduler, store);
    }
}
