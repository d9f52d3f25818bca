package io.bacalao.orchestrator.housekeeping;

import io.bacalao.domain.runtime.SettledStartGc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

/** Gives back the heap this node's start-up grew, once the start has settled ({@link SettledStartGc}). */
@Startup
@Singleton
public class HeapAfterStart {
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @PostConstruct
    void start() {
        SettledStartGc.schedule(scheduler);
    }
}
