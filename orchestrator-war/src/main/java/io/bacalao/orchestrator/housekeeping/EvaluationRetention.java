package io.bacalao.orchestrator.housekeeping;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.domain.runtime.Ticks;
import io.bacalao.orchestrator.config.NodeSettings;
import io.bacalao.orchestrator.store.EvaluationStore;
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
 * Every minute, deletes the evaluations that ended more than {@code Orchestrator.Retention.Evaluations} ago, so
 * the evaluation table (one row or more per job) stays as large as the retention's worth of jobs instead of growing
 * with every job. Each batch of {@link #BATCH} is its own transaction, at most {@link #MAX_BATCHES} per pass, so a
 * backlog (a first start after an upgrade) is worked off over several passes without holding long locks.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EvaluationRetention {
    private static final Logger LOG = Logger.getLogger(EvaluationRetention.class.getName());
    static final Duration PERIOD = Duration.ofMinutes(1);
    static final int BATCH = 1_000;
    static final int MAX_BATCHES = 50;

    @Inject
    EvaluationStore evaluations;
    @Inject
    NodeSettings settings;
    @Inject
    Clock clock;
    private Duration retention;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;
    private Ticks tick;

    @PostConstruct
    void start() {
        retention = settings.duration(ConfigKeys.EVALUATION_RETENTION);
        tick = Ticks.every(threads, PERIOD, PERIOD, "evaluation retention", LOG, this::purge);
    }

    @PreDestroy
    void stop() {
        if (tick != null) tick.close();
    }

    void purge() {
        var cutoff = clock.instant().minus(retention);
        long before = UnixNanos.of(cutoff);
        int total = 0;
        try {
            for (int i = 0; i < MAX_BATCHES; i++) {
                int n = evaluations.purgeEnded(before, BATCH);
                total += n;
                if (n < BATCH) break;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "evaluation retention failed after deleting " + total + "; it runs again in "
                    + PERIOD.toMinutes() + "m", e);
            return;
        }
        if (total > 0) LOG.fine("deleted " + total + " ended evaluations older than " + retention);
    }
}
