package io.bacalao.orchestrator.housekeeping;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.domain.runtime.Ticks;
import io.bacalao.orchestrator.config.NodeSettings;
import io.bacalao.orchestrator.store.JobPurge;
import io.bacalao.orchestrator.store.JobRetentionRule;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@link #period} (a minute, shorter for a retention under ten minutes), purges the jobs that ended more than
 * {@code Orchestrator.Retention.Jobs} ago with all their rows ({@link JobPurge}), then the tombstones older than
 * the retention again, in transactions of {@code Orchestrator.Retention.JobBatchSize} jobs, at most
 * {@link #MAX_BATCHES} per pass: a backlog (the first start after an upgrade) is worked off over several passes.
 * Nothing runs when the retention is 0 (jobs are kept forever).
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobRetention {
    private static final Logger LOG = Logger.getLogger(JobRetention.class.getName());
    static final int MAX_BATCHES = 50;

    @Inject
    JobPurge purge;
    @Inject
    NodeSettings settings;
    @Inject
    Clock clock;
    private JobRetentionRule rule;
    private int batch;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;
    private Ticks tick;

    @PostConstruct
    void start() {
        rule = new JobRetentionRule(settings.duration(ConfigKeys.JOB_RETENTION));
        batch = Math.max(1, settings.config().getInt(ConfigKeys.JOB_RETENTION_BATCH));
        if (rule.keepsForever()) return;
        long every = period(rule.retention()).toMillis();
        tick = Ticks.every(threads, Duration.ofMillis(every), Duration.ofMillis(every), "job retention", LOG, this::sweep);
    }

    @PreDestroy
    void stop() {
        if (tick != null) tick.close();
    }

    /** A minute; a tenth of the retention (at least a second) when that is shorter, so short test retentions act. */
    static Duration period(Duration retention) {
        Duration tenth = retention.dividedBy(10);
        if (tenth.compareTo(Duration.ofSeconds(1)) < 0) return Duration.ofSeconds(1);
        return tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
    }

    void sweep() {
        var now = clock.instant();
        long nowNanos = UnixNanos.of(now);
        long due = rule.dueBefore(now).orElseThrow();
        int jobs = 0;
        int tombstones = 0;
        try {
            for (int i = 0, n = batch; i < MAX_BATCHES && n == batch; i++) {
                n = purge.purgeEnded(due, batch, nowNanos, rule.text());
                jobs += n;
            }
            for (int i = 0, n = batch; i < MAX_BATCHES && n == batch; i++) {
                n = purge.forgetPurged(due, batch);
                tombstones += n;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job retention failed after purging " + jobs + " job(s); it runs again in "
                    + period(rule.retention()), e);
            return;
        }
        if (jobs + tombstones > 0) {
            int j = jobs;
            int t = tombstones;
            LOG.info(() -> "purged " + j + " job(s) that ended more than " + rule.text() + " ago, and " + t + " tombstone(s)");
        }
    }
}
