package io.bacalao.compute.run;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.publisher.local.LocalPublisher;
import io.bacalao.compute.store.ExecutionStore;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.runtime.Ticks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Every ten minutes: deletes ended executions' folders and locally published archives after
 * {@link Retention#forFiles} ({@code Compute.Executions.Retention}, at most {@code Orchestrator.Retention.Jobs}),
 * and the records of ended executions after {@code Orchestrator.Retention.Jobs}
 * ({@link Retention#recordsDueBefore}), {@link #BATCH} per transaction.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionTimer {
    private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());
    static final Duration PERIOD = Duration.ofMinutes(10);
    static final int BATCH = 500;
    static final int MAX_BATCHES = 50;

    @Inject
    ComputeSettings settings;
    @Inject
    ExecutionStore store;
    @Inject
    Clock clock;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;
    private Ticks tick;

    @PreDestroy
    void stop() {
        if (tick != null) tick.close();
    }

    @PostConstruct
    void start() {
        tick = Ticks.every(threads, PERIOD, PERIOD, "retention", LOG, () -> sweep(clock));
    }

    /** What one pass deleted: execution folders and published archives, and execution records. */
    public record Swept(int files, int records) {
    }

    /** One pass as if it were {@code now}'s time. */
    public Swept sweep(Clock now) {
        Duration jobs = settings.duration(ConfigKeys.JOB_RETENTION);
        Retention files = new Retention(now, Retention.forFiles(settings.duration(ConfigKeys.COMPUTE_EXECUTIONS_RETENTION), jobs));
        int deleted = files.sweep(settings.workDir().resolve("executions"),
                id -> store.find(id).map(e -> !e.state().isTerminal()).orElse(false),
                List.of(LocalPublisher.directory(settings)));
        int records = 0;
        var due = Retention.recordsDueBefore(now, jobs);
        for (int i = 0, n = BATCH; due.isPresent() && i < MAX_BATCHES && n == BATCH; i++) {
            n = store.purgeEnded(due.getAsLong(), BATCH);
            records += n;
        }
        int r = records;
        if (deleted + records > 0) {
            LOG.info(() -> "removed " + deleted + " execution folder(s) and published archive(s) and " + r
                    + " ended execution record(s) past their retention");
        }
        return new Swept(deleted, records);
    }
}
