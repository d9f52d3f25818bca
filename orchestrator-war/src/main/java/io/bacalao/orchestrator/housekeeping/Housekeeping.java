package io.bacalao.orchestrator.housekeeping;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.domain.runtime.Ticks;
import io.bacalao.orchestrator.config.NodeSettings;
import io.bacalao.orchestrator.store.EvaluationStore;
import io.bacalao.orchestrator.store.JobFailures;
import io.bacalao.orchestrator.store.JobStore;
import io.bacalao.orchestrator.store.Stored;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code Orchestrator.Scheduler.HousekeepingInterval}, asks for an evaluation of each batch or ops job
 * that has outlived its TotalTimeout or has an execution past its execution timeout, each plus
 * {@code HousekeepingTimeout} of grace ({@link TimeoutScan}); the scheduler then fails what timed out.
 * Runs outside a transaction: each store call commits before the evaluation it stored is queued (the outbox). Each job is
 * checked on its own: one whose data cannot be processed is logged, skipped and failed ({@link BadJobs}).
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Housekeeping {
    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
    private static final List<String> IN_PROGRESS =
            List.of(JobStateType.Pending.name(), JobStateType.Queued.name(), JobStateType.Running.name());

    @Inject
    JobStore jobs;
    @Inject
    EvaluationStore evaluations;
    @Inject
    JobFailures failures;
    @Inject
    NodeSettings settings;
    @Inject
    Clock clock;
    private Duration grace;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;
    private Ticks tick;

    @PostConstruct
    void start() {
        grace = settings.duration(ConfigKeys.HOUSEKEEPING_TIMEOUT);
        long period = Math.max(1_000, settings.duration(ConfigKeys.HOUSEKEEPING_INTERVAL).toMillis());
        tick = Ticks.every(threads, Duration.ofMillis(period), Duration.ofMillis(period), "housekeeping", LOG, this::sweep);
    }

    @PreDestroy
    void stop() {
        if (tick != null) tick.close();
    }

    void sweep() {
        BadJobs bad = new BadJobs("housekeeping", LOG, failures, clock);
        try {
            var now = clock.instant();
            long nowNanos = UnixNanos.of(now);
            for (Stored<Job> stored : jobs.storedJobsInStates(IN_PROGRESS)) {
                try {
                    if (!stored.isReadable()) throw stored.failure();
                    Job job = stored.value();
                    TimeoutScan.check(job, jobs::executions, nowNanos, grace)
                            .ifPresent(trigger -> evaluations.createFor(List.of(job.id()), trigger, nowNanos));
                } catch (Throwable t) {
                    bad.failed(stored.jobId(), t);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping failed; it runs again at the next interval", e);
        }
        bad.report();
    }
}
