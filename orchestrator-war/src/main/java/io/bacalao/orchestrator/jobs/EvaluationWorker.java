package io.bacalao.orchestrator.jobs;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationStatus;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.orchestrator.config.NodeSettings;
import io.bacalao.orchestrator.nodes.NodeSnapshot;
import io.bacalao.orchestrator.scheduler.Plan;
import io.bacalao.orchestrator.store.EvaluationStore;
import io.bacalao.orchestrator.store.JobFailures;
import io.bacalao.orchestrator.store.PlanApplier;
import io.bacalao.orchestrator.store.SnapshotReader;
import io.bacalao.orchestrator.store.StalePlanException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes one evaluation: snapshot → scheduler → plan applier (whose messages go out after its commit). A stale plan is recomputed from
 * a fresh snapshot. Processing a finished evaluation does nothing, so redelivery is harmless.
 *
 * <p>A poisoned evaluation ends. Each attempt is counted in the evaluation's row before it starts (so an
 * attempt the orchestrator did not survive counts too). An attempt that throws anything (see {@link Failures})
 * records how and hands the evaluation to the broker again after a backoff ({@link #retryDelay}); the message
 * itself is acknowledged, because a rolled-back delivery would count against every other evaluation buffered in
 * the same broker session too. The attempt that brings the count to
 * {@code Orchestrator.EvaluationBroker.MaxRetryCount}, or finds it there already, dead-letters the evaluation
 * instead: it ends {@code failed}, and its job {@code Failed} with the reason ({@link JobFailures}).
 */
@ApplicationScoped
public class EvaluationWorker {
    private static final Logger LOG = Logger.getLogger(EvaluationWorker.class.getName());
    private static final int MAX_STALE_RETRIES = 8;

    @Inject
    EvaluationStore evaluations;
    @Inject
    SnapshotReader snapshots;
    @Inject
    NodeSnapshot nodes;
    @Inject
    PlanApplier applier;
    @Inject
    JobFailures failures;
    @Inject
    NodeSettings settings;
    @Inject
    Clock clock;

    @Inject
    Planner planner;

    private int maxAttempts;

    @PostConstruct
    void init() {
        maxAttempts = Math.max(1, settings.config().getInt(ConfigKeys.EVAL_MAX_RETRY));
    }

    /**
     * Processes the evaluation once. Returns when it is done, was already done, failed and was handed back for
     * a retry, or has just been dead-lettered. Throws only when the attempt could not even be counted (the job
     * store is away) or on a VM-fatal error: the broker then delivers the message again.
     */
    public void process(String evaluationId) {
        Optional<EvaluationStore.Attempt> started = evaluations.startAttempt(evaluationId, UnixNanos.of(clock.instant()));
        if (started.isEmpty()) return;
        EvaluationStore.Attempt attempt = started.get();
        if (attempt.number() > maxAttempts) {
            deadLetter(attempt, "its processing did not finish in " + maxAttempts + " attempts"
                    + (attempt.lastError().isEmpty() ? "" : "; last error: " + attempt.lastError()));
            return;
        }
        try {
            schedule(evaluationId);
        } catch (Throwable t) {
            Failures.rethrowIfVmFatal(t);
            String why = Failures.describe(t);
            LOG.log(Level.WARNING, "evaluation " + evaluationId + " of job " + attempt.jobId() + " failed (attempt "
                    + attempt.number() + " of " + maxAttempts + "): " + why, attempt.number() == 1 ? t : null);
            if (attempt.number() >= maxAttempts) {
                deadLetter(attempt, "it failed " + attempt.number() + " times; last error: " + why);
                return;
            }
            long retryAt = UnixNanos.of(clock.instant().plus(retryDelay(attempt.number())));
            evaluations.recordFailure(evaluationId, why, retryAt);
        }
    }

    /** Wait before the attempt after {@code failed} failed ones: 1 s, 5 s, 25 s, then 30 s (as broker redelivery). */
    static Duration retryDelay(int failed) {
        long seconds = 1;
        for (int i = 1; i < failed && seconds < 30; i++) seconds *= 5;
        return Duration.ofSeconds(Math.min(30, seconds));
    }

    /**
     * The broker gave up on a message of this evaluation after its maximum deliveries (attempts that could not
     * be counted, or a neighbour's rolled-back deliveries). The job store's count decides: at
     * {@code MaxRetryCount} the evaluation is dead-lettered here, otherwise it is handed to the broker again, so
     * that it ends Failed, or completes, by its own attempts whichever counter ran out first.
     */
    public void onDeadLettered(String evaluationId) {
        Optional<EvaluationStore.Attempt> pending = evaluations.pendingAttempts(evaluationId);
        if (pending.isEmpty()) return;
        EvaluationStore.Attempt a = pending.get();
        if (a.number() >= maxAttempts) {
            deadLetter(a, "it failed " + a.number() + " times"
                    + (a.lastError().isEmpty() ? "" : "; last error: " + a.lastError()));
            return;
        }
        LOG.warning("evaluation " + evaluationId + " of job " + a.jobId() + " came back from the broker's dead-letter"
                + " queue after " + a.number() + " counted attempts; sending it again");
        evaluations.resend(evaluationId, UnixNanos.of(clock.instant()));
    }

    private void deadLetter(EvaluationStore.Attempt attempt, String why) {
        String reason = "Job failed because its evaluation " + attempt.evaluationId() + " could not be processed: "
                + why;
        LOG.severe("dead-lettering evaluation " + attempt.evaluationId() + ", job " + attempt.jobId() + " fails: "
                + reason);
        failures.deadLetter(attempt.evaluationId(), reason, clock.instant());
    }

    private void schedule(String evaluationId) {
        Optional<Evaluation> found = evaluations.find(evaluationId);
        if (found.isEmpty() || found.get().status() != EvaluationStatus.PENDING) return;
        Evaluation eval = found.get();
        for (int attempt = 1; attempt <= MAX_STALE_RETRIES; attempt++) {
            var snapshot = snapshots.read(eval.jobId());
            if (snapshot.isEmpty()) {
                evaluations.close(eval, EvaluationStatus.CANCELED, "job no longer exists", UnixNanos.of(clock.instant()));
                return;
            }
            Instant now = clock.instant();
            Plan plan = planner.plan(snapshot.get().job(), snapshot.get().executions(), nodes.all(), eval,
                    now);
            try {
                applier.apply(plan, now);
                return;
            } catch (StalePlanException e) {
                LOG.fine(() -> "stale plan for " + eval.jobId() + ", retrying: " + e.getMessage());
            }
        }
        throw new IllegalStateException("evaluation " + evaluationId + " kept conflicting with concurrent changes");
    }
}
