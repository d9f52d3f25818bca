package io.bacalao.compute.footprint;

import io.bacalao.domain.runtime.QuietHeapGc;
import io.bacalao.domain.runtime.SettledStartGc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

/**
 * Gives back the heap this node grew: what its start-up grew once the start has settled ({@link SettledStartGc}),
 * and what a burst of work grew once the node is quiet again ({@link QuietHeapGc}).
 */
@Startup
@Singleton
public class HeapGiveBack {
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @PostConstruct
    void start() {
        SettledStartGc.schedule(scheduler);
        QuietHeapGc.schedule(scheduler);
    }
}
