package io.bacalao.orchestrator.housekeeping;

import io.bacalao.domain.runtime.FootprintUpkeep;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import javax.sql.DataSource;

/** Schedules this node's {@link FootprintUpkeep} at start-up, its job store the database it keeps bounded. */
@Startup
@Singleton
public class NodeUpkeep {
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    @Resource(lookup = "jdbc/__default")
    DataSource store;

    @PostConstruct
    void start() {
        FootprintUpkeep.schedule(scheduler, store);
    }
}
