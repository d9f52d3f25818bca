package io.bacalao.compute.run;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.publisher.local.LocalPublisher;
import io.bacalao.compute.store.ExecutionStore;
import io.bacalao.domain.config.ConfigKeys;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/** Runs {@link Retention} every ten minutes with {@code Compute.Executions.Retention}. */
@Singleton
public class RetentionTimer {
    private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());

    @Inject
    ComputeSettings settings;
    @Inject
    ExecutionStore store;
    @Inject
    Clock clock;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void sweep() {
        Retention retention = new Retention(clock, settings.duration(ConfigKeys.COMPUTE_EXECUTIONS_RETENTION));
        int n = retention.sweep(settings.workDir().resolve("executions"),
                id -> store.find(id).map(e -> !e.state().isTerminal()).orElse(false),
                List.of(LocalPublisher.directory(settings)));
        if (n > 0) LOG.info(() -> "removed " + n + " execution folder(s) and published archive(s) past their retention");
    }
}
