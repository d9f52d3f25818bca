package io.bacalao.orchestrator.housekeeping;

import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.domain.runtime.Ticks;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes "stored" mean "will happen": re-sends pending evaluations the broker lost (at start-up, after a crash
 * between commit and send, all of them; later with doubling waits per evaluation) and the messages of executions still waiting for their node: a page of
 * them per pass, oldest change first, the next page on the next pass until the end (a cycle), each execution's
 * message again only when {@link ResendBackoff} says it is due.
 * Everything it sends is handled idempotently, so a duplicate costs nothing. One job's bad data never stops a
 * pass: that job is logged, skipped and failed ({@link BadJobs}), and the pass goes on with the others.
 * Runs outside a transaction: each store call is its own transaction, and what it hands to the broker goes out
 * after that commit (the outbox).
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Sweeps {
    private static final Logger LOG = Logger.getLogger(Sweeps.class.getName());
    static final Duration PERIOD = Duration.ofSeconds(5);
    static final Duration GRACE = Duration.ofSeconds(10);
    static final int BATCH = 500;
    static final Duration MAX_RESEND_WAIT = Duration.ofMinutes(2);

    @Inject
    EvaluationStore evaluations;
    @Inject
    JobStore jobs;
    @Inject
    JobFailures failures;
    @Inject
    Clock clock;
    private final ResendBackoff backoff = new ResendBackoff(GRACE, MAX_RESEND_WAIT);
    private final ResendBackoff evaluationBackoff = new ResendBackoff(GRACE, MAX_RESEND_WAIT);
    private int nextPage;
    private boolean swept;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;
    private Ticks tick;

    @PostConstruct
    void start() {
        tick = Ticks.every(threads, Duration.ofSeconds(1), PERIOD, "sweep", LOG, this::sweep);
    }

    @PreDestroy
    void stop() {
        if (tick != null) tick.close();
    }

    /** One pass. The first, a second after start-up, re-sends every pending evaluation at once (crash recovery). */
    void sweep() {
        Duration grace = swept ? GRACE : Duration.ZERO;
        swept = true;
        try {
            resendEvaluations(grace);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "evaluation sweep failed; it runs again in " + PERIOD.toSeconds() + "s", e);
        }
        try {
            resendExecutionMessages(new BadJobs("execution sweep", LOG, failures, clock));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "execution sweep failed; it runs again in " + PERIOD.toSeconds() + "s", e);
        }
    }

    /**
     * Pending evaluations are built from their rows' columns alone, so no row can stop the others. Each is sent
     * again when {@link ResendBackoff} says so: a backlog of evaluations queued in the broker is not doubled every
     * pass.
     */
    private void resendEvaluations(Duration grace) {
        long now = nanos();
        int[] resent = {0};
        int due = evaluations.resendDue(now, now - grace.toNanos(), BATCH, id -> {
            boolean send = evaluationBackoff.take(id, now);
            if (send) resent[0]++;
            return send;
        });
        if (due < BATCH) evaluationBackoff.endCycle();
        if (resent[0] > 0) LOG.fine(() -> "re-sent " + resent[0] + " of " + due + " pending evaluations");
    }

    /** Each execution (and its job) on its own: one that cannot be processed fails its job, the rest go on. */
    private void resendExecutionMessages(BadJobs bad) {
        long now = nanos();
        List<Stored<Execution>> waiting = jobs.awaitingNode(now - GRACE.toNanos(), nextPage, BATCH);
        if (waiting.size() < BATCH) {
            nextPage = 0;
            backoff.endCycle();
        } else {
            nextPage += BATCH;
        }
        if (waiting.isEmpty()) return;
        Map<String, Optional<Job>> jobsById = new HashMap<>();
        List<Execution> resend = new ArrayList<>();
        for (Stored<Execution> stored : waiting) {
            if (bad.contains(stored.jobId())) continue;
            try {
                Execution e = stored.value();
                if (!stored.isReadable()) throw stored.failure();
                if (!backoff.take(e.id() + '@' + e.modifyTime(), now)) continue; // a change starts afresh
                Optional<Job> job = jobsById.get(e.jobId());
                if (job == null) {
                    job = jobs.find(e.jobId());
                    jobsById.put(e.jobId(), job);
                }
                if (job.isPresent()) resend.add(e);
            } catch (Throwable t) {
                bad.failed(stored.jobId(), t);
            }
        }
        Map<String, Job> found = new HashMap<>();
        jobsById.forEach((id, job) -> job.ifPresent(j -> found.put(id, j)));
        jobs.resendAwaitingNode(resend, found);
        bad.report();
    }

    private long nanos() {
        var i = clock.instant();
        return UnixNanos.of(i);
    }
}
