package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.JobStateType;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts over the job table for the cluster summary (docs/webui.md). Reads the state and time columns only, never
 * a job's JSON, so its cost does not grow with the size of the specs. A namespace of null, "" or "*" means all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JobStatistics {
    /** A job's state and times (Unix nanoseconds), as the activity chart needs them. */
    public record JobTimes(JobStateType state, long createTime, long modifyTime) {
    }

    @PersistenceContext(unitName = "orchestrator")
    private EntityManager em;

    /** Every state with its number of jobs, zero included. */
    public Map<JobStateType, Long> countsByState(String namespace) {
        Map<JobStateType, Long> counts = new EnumMap<>(JobStateType.class);
        for (JobStateType state : JobStateType.values()) counts.put(state, 0L);
        boolean all = JobQuery.allNamespaces(namespace);
        TypedQuery<Object[]> q = em.createQuery("select j.state, count(j) from JobEntity j"
                + (all ? "" : " where j.namespace = :ns") + " group by j.state", Object[].class);
        if (!all) q.setParameter("ns", namespace);
        for (Object[] row : q.getResultList()) {
            counts.merge(JobStateType.valueOf((String) row[0]), ((Number) row[1]).longValue(), Long::sum);
        }
        return counts;
    }

    /** The jobs created or changed at or after {@code sinceNanos}, at most {@code max} of them, newest change first. */
    public List<JobTimes> changedSince(long sinceNanos, String namespace, int max) {
        boolean all = JobQuery.allNamespaces(namespace);
        TypedQuery<Object[]> q = em.createQuery("select j.state, j.createTime, j.modifyTime from JobEntity j"
                + " where j.modifyTime >= :since" + (all ? "" : " and j.namespace = :ns")
                + " order by j.modifyTime desc", Object[].class).setParameter("since", sinceNanos).setMaxResults(max);
        if (!all) q.setParameter("ns", namespace);
        return q.getResultList().stream().map(row -> new JobTimes(JobStateType.valueOf((String) row[0]),
                ((Number) row[1]).longValue(), ((Number) row[2]).longValue())).toList();
    }
}
