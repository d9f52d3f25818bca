package io.bacalao.orchestrator.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes ended jobs past their retention ({@link JobRetentionRule}) with every row the store keeps for them:
 * versions, executions, history, evaluations. Each call is one transaction over at most {@code max} jobs, so a
 * backlog is worked off in short transactions. Every job is locked and checked again before it goes: a job rerun
 * or updated since it was picked (a new version, Pending again) is kept.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobPurge {
    private static final List<Class<?>> PER_JOB = List.of(ExecutionEntity.class, HistoryEntity.class,
            JobVersionEntity.class, EvaluationEntity.class);

    @PersistenceContext(unitName = "orchestrator")
    private EntityManager em;

    /**
     * Purges up to {@code max} jobs that ended and last changed before {@code dueBefore}, oldest change first, and
     * leaves a tombstone for each, stamped {@code nowNanos} (both Unix nanoseconds). Returns how many went.
     */
    public int purgeEnded(long dueBefore, int max, long nowNanos, String retention) {
        List<String> picked = em.createQuery("select j.id from JobEntity j where j.state in :ended"
                        + " and j.modifyTime < :before order by j.modifyTime", String.class)
                .setParameter("ended", JobRetentionRule.ENDED).setParameter("before", dueBefore)
                .setMaxResults(max).getResultList();
        List<String> due = new ArrayList<>();
        for (String id : picked.stream().sorted().toList()) { // one lock order for every purge
            JobEntity row = em.find(JobEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (row != null && JobRetentionRule.purgeable(row.stateColumn(), row.modifyTime(), dueBefore)) due.add(id);
        }
        if (due.isEmpty()) return 0;
        for (Class<?> table : PER_JOB) {
            em.createQuery("delete from " + table.getSimpleName() + " r where r.jobId in :ids")
                    .setParameter("ids", due).executeUpdate();
        }
        em.createQuery("delete from JobEntity j where j.id in :ids").setParameter("ids", due).executeUpdate();
        for (String id : due) {
            em.persist(new PurgedJobEntity(id, nowNanos, retention));
            ParsedJobs.shared().forget(id);
        }
        return due.size();
    }

    /** Deletes up to {@code max} tombstones of jobs purged before {@code purgedBefore} (Unix ns). Returns how many. */
    public int forgetPurged(long purgedBefore, int max) {
        List<String> ids = em.createQuery("select p.id from PurgedJobEntity p where p.purgeTime < :before", String.class)
                .setParameter("before", purgedBefore).setMaxResults(max).getResultList();
        if (ids.isEmpty()) return 0;
        return em.createQuery("delete from PurgedJobEntity p where p.id in :ids").setParameter("ids", ids).executeUpdate();
    }
}
