package io.bacalao.orchestrator.store;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.error.ErrorCode;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobHistory;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The job store: jobs, their versions, executions and history. Writes that belong together (a job and its
 * evaluation) happen in one transaction; every write locks the job row first.
 */
@Stateless
public class JobStore {
    public static final String COMPONENT = "JobStore";
    private static final Logger LOG = Logger.getLogger(JobStore.class.getName());
    /** An execution not over: not to be stopped, and not in an ended or refused state (reference §3.1 numbers). */
    private static final String NOT_OVER = " and e.desiredState <> 2 and e.computeState not in (4, 8, 9, 10, 11)";

    @PersistenceContext(unitName = "orchestrator")
    private EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Instance<InlineScheduler> inline;

    /**
     * Stores a new job with its first version and its history entry, and evaluates it in the same transaction
     * ({@link InlineEvaluation}): the plan's effects, or the evaluation stored pending and queued after commit.
     */
    public void create(Job job, Evaluation evaluation, Event event, Instant now) {
        JobTransaction tx = JobTransaction.create(em, outbox, job, event, now);
        InlineEvaluation.evaluate(em, outbox, inline, tx, evaluation, now);
    }

    /**
     * Replaces a job (update, stop, rerun) with its history entry and an optional evaluation, atomically:
     * {@link ConcurrentChangeException} when the job moved on since {@code expectedRevision};
     * {@link IllegalTransitionException} when its state may not move so within a version. The evaluation is
     * evaluated in the same transaction, or stored pending and queued after commit ({@link InlineEvaluation}).
     */
    public void replace(Job job, long expectedRevision, Evaluation evaluation, Event event, boolean newVersion,
                        Instant now) {
        JobTransaction tx = JobTransaction.lock(em, outbox, job.id());
        if (tx.revision() != expectedRevision) {
            throw new ConcurrentChangeException(job.id(), tx.revision(), expectedRevision);
        }
        tx.replace(job, newVersion);
        tx.history(job.version(), "", event, now);
        if (evaluation == null) return;
        InlineEvaluation.evaluate(em, outbox, inline, tx, evaluation, now);
    }

    /**
     * Hands the messages of executions still waiting for their node ({@link #awaitingNode}) to the broker again,
     * after this transaction commits; the sweep's way out, as every other message's.
     */
    public void resendAwaitingNode(List<Execution> waiting, java.util.Map<String, Job> jobsById) {
        for (Execution e : waiting) {
            Job job = jobsById.get(e.jobId());
            if (job != null) outbox.add(ExecutionChange.awaitingNode(e, job));
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Job> find(String jobId) {
        return Optional.ofNullable(em.find(JobEntity.class, jobId)).map(JobEntity::toJob);
    }

    /**
     * Resolves a user's reference: a job name in the namespace first, then a full ID, then a short ID prefix
     * ({@code j-5f0e1c2a}). Unknown → 404, saying so when the ID is of a job purged after its retention
     * ({@link JobPurge}); an ambiguous prefix → MultipleJobsFound.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Job resolve(String idOrName, String namespace) {
        String ns = namespace == null || namespace.isBlank() ? Job.DEFAULT_NAMESPACE : namespace;
        Optional<Job> byName = findByName(idOrName, ns);
        if (byName.isPresent()) return byName.get();
        JobEntity byId = em.find(JobEntity.class, idOrName);
        if (byId != null) return byId.toJob();
        if (Ids.looksLikeShortId(idOrName)) {
            List<JobEntity> matches = em.createQuery("select j from JobEntity j where j.id like :p", JobEntity.class)
                    .setParameter("p", idOrName + "%").setMaxResults(2).getResultList();
            if (matches.size() == 1) return matches.get(0).toJob();
            if (matches.size() > 1) {
                throw new BacalaoException(ErrorCode.MULTIPLE_JOBS_FOUND, COMPONENT,
                        "multiple jobs found for id " + idOrName, "Use full job ID");
            }
        }
        PurgedJobEntity purged = em.find(PurgedJobEntity.class, idOrName);
        throw BacalaoException.notFound(COMPONENT, purged != null ? purged.goneMessage() : "job not found: " + idOrName);
    }

    /** The job with exactly this name in the namespace, if any. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Job> findByName(String name, String namespace) {
        return em.createQuery("select j from JobEntity j where j.namespace = :ns and j.name = :name", JobEntity.class)
                .setParameter("ns", namespace).setParameter("name", name).getResultList().stream()
                .findFirst().map(JobEntity::toJob);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public JobPage list(JobQuery q) {
        return new JobListing(em, q).read();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Execution> executions(String jobId) {
        return em.createQuery("select e from ExecutionEntity e where e.jobId = :job order by e.createTime, e.id",
                        ExecutionEntity.class)
                .setParameter("job", jobId).getResultList().stream().map(ExecutionEntity::toExecution).toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Job> versions(String jobId) {
        return em.createQuery("select v from JobVersionEntity v where v.jobId = :job order by v.version",
                        JobVersionEntity.class)
                .setParameter("job", jobId).getResultList().stream().map(JobVersionEntity::toJob).toList();
    }

    /** Version {@code version} of the job as it was stored when that version was made, if there is one. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Job> version(String jobId, long version) {
        return Optional.ofNullable(em.find(JobVersionEntity.class, jobId + "#" + version)).map(JobVersionEntity::toJob);
    }

    /** History rows with SeqNum >= fromSeq, in order, at most {@code limit} (0 = all). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<JobHistory> history(String jobId, long fromSeq, int limit) {
        TypedQuery<HistoryEntity> q = em.createQuery(
                        "select h from HistoryEntity h where h.jobId = :job and h.seqNum >= :from order by h.seqNum",
                        HistoryEntity.class)
                .setParameter("job", jobId).setParameter("from", fromSeq);
        if (limit > 0) q.setMaxResults(limit);
        return q.getResultList().stream().map(HistoryEntity::toHistory).toList();
    }

    /** Jobs with a non-terminal execution on the node, for re-evaluation when the node leaves or returns. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> jobsWithLiveExecutionsOn(String nodeId) {
        return em.createQuery("select distinct e.jobId from ExecutionEntity e where e.nodeId = :node" + NOT_OVER, String.class)
                .setParameter("node", nodeId).getResultList();
    }

    /**
     * The node's executions that are not over (neither ended nor to be stopped), oldest first, at most {@code max}:
     * what the node runs or is about to run, for its page in the web UI.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Execution> liveExecutionsOn(String nodeId, int max) {
        return em.createQuery("select e from ExecutionEntity e where e.nodeId = :node" + NOT_OVER
                        + " order by e.createTime, e.id", ExecutionEntity.class)
                .setParameter("node", nodeId).setMaxResults(max).getResultList().stream()
                .map(ExecutionEntity::toExecution).toList();
    }

    /**
     * The executions (ID → job ID) that the node has answered for and that the orchestrator believes are still
     * active there: bid on, approved, running or publishing, not to be stopped. Asked about when the node
     * (re)joins, as no sweep re-asks a running execution. New ones are left out: the node may not have received
     * them yet, and the re-send sweep asks for their bid again.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, String> activeExecutionsOn(String nodeId) {
        Map<String, String> active = new LinkedHashMap<>();
        em.createQuery("select e.id, e.jobId from ExecutionEntity e where e.nodeId = :node"
                        + " and e.desiredState <> 2 and e.computeState in (3, 5, 6, 7) order by e.createTime", Object[].class)
                .setParameter("node", nodeId).getResultList().forEach(row -> active.put((String) row[0], (String) row[1]));
        return active;
    }

    /**
     * Executions that wait for a node's answer and last changed before {@code modifiedBeforeNanos}: asked for a
     * bid, approved but not started, or to be cancelled. Their message may have been lost. Oldest change first, a
     * page of {@code max} from position {@code first}. A row that cannot be read comes back as its failure, so the
     * sweep can go on with the others.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Stored<Execution>> awaitingNode(long modifiedBeforeNanos, int first, int max) {
        return em.createQuery("select e from ExecutionEntity e where e.modifyTime < :before and ("
                                + "(e.desiredState <> 2 and e.computeState in (1, 5))"
                                + " or (e.desiredState = 2 and e.computeState not in (4, 8, 9, 10, 11)))"
                                + " order by e.modifyTime, e.id",
                        ExecutionEntity.class)
                .setParameter("before", modifiedBeforeNanos).setFirstResult(first).setMaxResults(max)
                .getResultList().stream()
                .map(e -> Stored.read(e.jobId(), e::toExecution)).toList();
    }

    /**
     * Jobs in the given states, for re-evaluation when capacity appears. A job whose row cannot be read is
     * left out (logged); housekeeping fails it ({@link #storedJobsInStates}).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Job> jobsInStates(List<String> states) {
        List<Job> jobs = new ArrayList<>();
        for (Stored<Job> job : storedJobsInStates(states)) {
            if (job.isReadable()) {
                jobs.add(job.value());
            } else {
                LOG.warning("job " + job.jobId() + " left out: its stored JSON cannot be read (" + job.failure() + ")");
            }
        }
        return jobs;
    }

    /** IDs of jobs in the given states, oldest first, at most {@code max}; no job is read. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> idsInStates(List<String> states, int max) {
        return em.createQuery("select j.id from JobEntity j where j.state in :states order by j.createTime", String.class)
                .setParameter("states", states).setMaxResults(max).getResultList();
    }

    /** Jobs in the given states, oldest first; a row that cannot be read comes back as its failure. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Stored<Job>> storedJobsInStates(List<String> states) {
        return em.createQuery("select j from JobEntity j where j.state in :states order by j.createTime",
                        JobEntity.class)
                .setParameter("states", states).getResultList().stream()
                .map(row -> Stored.read(row.id(), row::toJob)).toList();
    }
}
