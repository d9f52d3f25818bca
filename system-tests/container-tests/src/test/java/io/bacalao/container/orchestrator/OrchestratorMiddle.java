package io.bacalao.container.orchestrator;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.JobState;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.orchestrator.scheduler.ExecutionUpdate;
import io.bacalao.domain.model.EvaluationStatus;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobHistory;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.domain.spec.JobReader;
import io.bacalao.orchestrator.jobs.JobService;
import io.bacalao.orchestrator.jobs.SubmitResult;
import io.bacalao.orchestrator.messaging.ComputeMessageRouter;
import io.bacalao.orchestrator.messaging.InboxConsumer;
import io.bacalao.orchestrator.scheduler.Plan;
import io.bacalao.orchestrator.store.EvaluationStore;
import io.bacalao.orchestrator.store.JobPurge;
import io.bacalao.orchestrator.store.JobStore;
import io.bacalao.orchestrator.store.PlanApplier;
import io.bacalao.orchestrator.store.SnapshotReader;
import io.bacalao.orchestrator.store.StalePlanException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The orchestrator's transactional middle as the tests drive it, and the only test class that names its
 * internals: the entry points (job service, plan applier, report handler), where their outgoing messages go, and
 * the store's rows. When the state writer is reshaped, this class changes and the tests do not.
 */
@ApplicationScoped
public class OrchestratorMiddle {
    @Inject
    JobService jobs;
    @Inject
    PlanApplier plans;
    @Inject
    SnapshotReader snapshots;
    @Inject
    ComputeMessageRouter reports;
    @Inject
    JobStore store;
    @Inject
    EvaluationStore evaluations;
    @Inject
    JobPurge purge;
    @Inject
    InboxConsumer inbox;
    @Inject
    Clock clock;
    @PersistenceContext(unitName = "orchestrator")
    EntityManager em;
    @Resource
    UserTransaction tx;

    /** Submits a job spec (JSON, as the API receives it) through the job service. */
    SubmitResult submit(String specJson) {
        return jobs.submit(JobReader.readFile(specJson), false);
    }

    /**
     * Submits again with {@code --force}: the same job, a new version and revision. A waiting job is re-evaluated
     * every QueueBackoff, and each of those plans moves its revision: the job service decides the change again
     * when it lost that race (no 409 for the user), which this relies on.
     */
    SubmitResult resubmit(String specJson) {
        return jobs.submit(JobReader.readFile(specJson), true);
    }

    /** Runs {@code work} in a transaction of the caller's that then rolls back; returns what {@code work} returned. */
    <T> T inTransactionThatRollsBack(Supplier<T> work) {
        try {
            tx.begin();
            try {
                return work.get();
            } finally {
                if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) tx.rollback();
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("user transaction failed", e);
        }
    }

    /** What a scheduler would start from: the job, its executions and the nodes, read now. */
    SnapshotReader.Snapshot snapshot(String jobId) {
        return snapshots.read(jobId).orElseThrow(() -> new AssertionError("job " + jobId + " is not stored"));
    }

    /**
     * Applies a plan as the evaluation worker does (its messages leave after the commit). Returns false when the plan
     * applier refused it as stale (and rolled back).
     */
    boolean apply(Plan plan) {
        try {
            plans.apply(plan, clock.instant());
            return true;
        } catch (StalePlanException stale) {
            return false;
        }
    }

    /**
     * A plan as a scheduler makes it from {@code s}: one new execution of the job on {@code nodeId} (approved,
     * desired Pending) and the job Running, expecting the snapshot's job revision.
     */
    Plan placement(SnapshotReader.Snapshot s, String nodeId) {
        Job job = s.job();
        long now = nanos();
        Evaluation eval = Evaluation.create(job, EvaluationTrigger.JOB_REGISTER, now);
        Execution e = Execution.create(Ids.newExecutionId(), job, nodeId, eval.id(), 0,
                DesiredState.of(DesiredStateType.Pending, ""), AllocatedResources.of("main", Resources.of(1, 0, 0, 0)), now);
        return new Plan(eval, job.id(), job.revision(), List.of(e), List.of(), JobState.of(JobStateType.Running),
                List.of(), List.of());
    }

    /** A plan that stops one execution, expecting the given revisions of the job and of the execution. */
    Plan stop(SnapshotReader.Snapshot s, Execution e, long expectedExecutionRevision) {
        Job job = s.job();
        Evaluation eval = Evaluation.create(job, EvaluationTrigger.JOB_REGISTER, nanos());
        ExecutionUpdate stop = new ExecutionUpdate(e.id(), expectedExecutionRevision,
                DesiredState.of(DesiredStateType.Stopped, "stopped by the test"), null, null);
        return new Plan(eval, job.id(), job.revision(), List.of(), List.of(stop), null, List.of(), List.of());
    }

    /** Queues one more evaluation of a job not yet ended, as a node event does: stored, and sent after commit. */
    void queueEvaluation(String jobId) {
        if (evaluations.createFor(List.of(jobId), EvaluationTrigger.NODE_JOIN, nanos()).isEmpty()) {
            throw new AssertionError("job " + jobId + " has ended or is not stored: no evaluation queued");
        }
    }

    /** Stops a job through the job service (the user's stop; see {@link #resubmit} on races). */
    void stopJob(String jobId) {
        jobs.stop(jobId, Job.DEFAULT_NAMESPACE, "test done");
    }

    private long nanos() {
        java.time.Instant i = clock.instant();
        return UnixNanos.of(i);
    }

    /**
     * Hands reports to the orchestrator's inbox as one batch, as a consumer thread does after taking them from the
     * broker; returns those that failed on their own.
     */
    List<ProtocolMessage> reportBatch(List<ProtocolMessage> batch) {
        return inbox.applyBatch(batch);
    }

    /**
     * What the re-send sweep does for the job's executions that still wait for their node
     * ({@code housekeeping.Sweeps}): each one's message again, through the outbox, after commit.
     */
    void resendAwaitingNode(String jobId) {
        Job job = store.find(jobId).orElseThrow();
        store.resendAwaitingNode(store.executions(jobId), java.util.Map.of(jobId, job));
    }

    /** Hands a node's report to the orchestrator's report handling, as its inbox does after decoding it. */
    void report(ProtocolMessage m) {
        reports.route(m);
    }

    Optional<Job> job(String jobId) {
        return store.find(jobId);
    }

    Optional<Job> jobNamed(String name) {
        return store.findByName(name, Job.DEFAULT_NAMESPACE);
    }

    List<Execution> executions(String jobId) {
        return store.executions(jobId);
    }

    List<JobHistory> history(String jobId) {
        return store.history(jobId, 0, 0);
    }

    Optional<Evaluation> evaluation(String id) {
        return evaluations.find(id);
    }

    /** The job's stored evaluations: ID, status and the attempts counted, oldest first. */
    List<EvaluationRow> evaluationsOf(String jobId) {
        List<?> rows = em.createNativeQuery("select ID, STATUS, coalesce(ATTEMPTS, 0), coalesce(LAST_ERROR, ''),"
                        + " TRIGGERED_BY from ORCH_EVALUATION where JOB_ID = ? order by WAIT_UNTIL, ID")
                .setParameter(1, jobId).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new EvaluationRow((String) r[0],
                EvaluationStatus.valueOf((String) r[1]), ((Number) r[2]).intValue(), (String) r[3], (String) r[4])).toList();
    }

    /** Runs evaluation retention as its timer does, with a cutoff this far ahead of now; returns how many it deleted. */
    int purgeEndedEvaluations(java.time.Duration ahead) {
        long cutoff = nanos() + ahead.toNanos();
        int total = 0;
        for (int n = evaluations.purgeEnded(cutoff, 1_000); n > 0; n = evaluations.purgeEnded(cutoff, 1_000)) total += n;
        return total;
    }

    record EvaluationRow(String id, EvaluationStatus status, int attempts, String lastError, String trigger) {
    }

    /**
     * Runs job retention as its timer does, as if {@code ahead} more time had passed since every job last changed
     * (cutoff now + ahead) and with that retention; returns how many jobs it purged.
     */
    int purgeEndedJobs(java.time.Duration ahead) {
        long cutoff = nanos() + ahead.toNanos();
        int total = 0;
        for (int n = purge.purgeEnded(cutoff, 100, nanos(), "1s"); n > 0; n = purge.purgeEnded(cutoff, 100, nanos(), "1s")) {
            total += n;
        }
        return total;
    }

    /** Deletes the tombstones of jobs purged before now + {@code ahead}; returns how many. */
    int forgetPurgedJobs(java.time.Duration ahead) {
        return purge.forgetPurged(nanos() + ahead.toNanos(), 1_000);
    }

    /** How many rows each table of the store holds for the job (its own row included). */
    java.util.Map<String, Long> rowsOf(String jobId) {
        java.util.Map<String, Long> rows = new java.util.TreeMap<>();
        for (String table : List.of("ORCH_JOB", "ORCH_JOB_VERSION", "ORCH_EXECUTION", "ORCH_HISTORY", "ORCH_EVALUATION")) {
            String column = table.equals("ORCH_JOB") ? "ID" : "JOB_ID";
            rows.put(table, ((Number) em.createNativeQuery("select count(*) from " + table + " where " + column + " = ?")
                    .setParameter(1, jobId).getSingleResult()).longValue());
        }
        return rows;
    }

    /**
     * Makes every evaluation of the job throw, as a damaged row does: the stored job asks for a CPU quantity the
     * scheduler cannot parse. (Written straight to the job's row; a cache of parsed jobs keyed by revision would
     * need the revision moved as well.)
     */
    void poisonResources(String jobId) {
        inCommittedTransaction(() -> {
            String json = (String) em.createNativeQuery("select JSON from ORCH_JOB where ID = ?").setParameter(1, jobId)
                    .getSingleResult();
            String poisoned = json.replaceFirst("\"CPU\":\"[^\"]*\"", "\"CPU\":\"lots\"");
            if (poisoned.equals(json)) throw new AssertionError("job " + jobId + " names no CPU: " + json);
            em.createNativeQuery("update ORCH_JOB set JSON = ? where ID = ?").setParameter(1, poisoned)
                    .setParameter(2, jobId).executeUpdate();
        });
    }

    /**
     * Makes the job's stored JSON unreadable, so that handling any report about it throws (as a damaged row does);
     * returns the JSON it had, for {@link #restoreJson}.
     */
    String makeUnreadable(String jobId) {
        String[] saved = new String[1];
        inCommittedTransaction(() -> {
            saved[0] = (String) em.createNativeQuery("select JSON from ORCH_JOB where ID = ?").setParameter(1, jobId)
                    .getSingleResult();
            em.createNativeQuery("update ORCH_JOB set JSON = ? where ID = ?").setParameter(1, "{\"unreadable")
                    .setParameter(2, jobId).executeUpdate();
        });
        return saved[0];
    }

    void restoreJson(String jobId, String json) {
        inCommittedTransaction(() -> em.createNativeQuery("update ORCH_JOB set JSON = ? where ID = ?")
                .setParameter(1, json).setParameter(2, jobId).executeUpdate());
    }

    private void inCommittedTransaction(Runnable work) {
        try {
            tx.begin();
            boolean done = false;
            try {
                em.joinTransaction();
                work.run();
                done = true;
            } finally {
                if (done) tx.commit(); else tx.rollback();
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("user transaction failed", e);
        }
    }
}
