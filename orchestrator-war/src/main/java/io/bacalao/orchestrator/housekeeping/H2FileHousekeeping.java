package io.bacalao.orchestrator.housekeeping;

import io.bacalao.domain.runtime.H2FileCompaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import javax.sql.DataSource;

/** Keeps this node's job store file bounded while it runs, when it is an H2 file ({@link H2FileCompaction}). */
@Startup
@Singleton
public class H2FileHousekeeping {
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    @Resource(lookup = "jdbc/__default")
    DataSource store;

    @PostConstruct
    void start() {
        H2FileCompaction.schedule(scheduler, store);
    }
}
