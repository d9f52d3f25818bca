package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Job;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one page of a {@link JobQuery}. The order is the sort column, then the job ID as a tie-break, both in the
 * query's direction, so that an index of the job table serves every listing the API offers and a page costs
 * the rows it reads, not the whole table ({@code db/orchestrator/h2/V2__job_listing_indexes.sql}: H2 reads an
 * index in its own order only).
 *
 * <p>Labels live in the job's JSON, so a label selector is applied to the rows as they are read: in the listing's
 * order, a batch at a time, until the page and one more match are found or the rows run out. Each batch is a
 * query of its own; a job that moves between two batches (it changed, and the order is by modification) is
 * listed once.
 */
final class JobListing {
    /** The rows read by the first query of a labelled listing, at least; each next query reads twice as many. */
    static final int FIRST_LABELLED_BATCH = 64;
    /** The most rows one query of a labelled listing reads. */
    static final int MAX_BATCH = 4096;

    private final EntityManager em;
    private final JobQuery q;

    JobListing(EntityManager em, JobQuery q) {
        this.em = em;
        this.q = q;
    }

    /**
     * The JPQL ORDER BY of {@code q}: the sort column, then the ID, both in the query's direction. A listing of one
     * namespace is ordered by the namespace first: that changes nothing in its order, and it is what lets H2 read
     * the namespace's index in order.
     */
    static String orderBy(JobQuery q) {
        String direction = q.reverse() ? " desc" : " asc";
        String column = "modified_at".equals(q.orderBy()) ? "j.modifyTime" : "j.createTime";
        return " order by " + (q.allNamespaces() ? "" : "j.namespace, ") + column + direction + ", j.id" + direction;
    }

    /** Rows of a listing in its order: at most {@code max} of them, from position {@code first} (0-based). */
    @FunctionalInterface
    interface Rows {
        List<Job> read(int first, int max);
    }

    JobPage read() {
        Rows rows = (first, max) -> {
            TypedQuery<JobEntity> query = query().setFirstResult(first);
            if (max < Integer.MAX_VALUE) query.setMaxResults(max);
            return query.getResultList().stream().map(JobEntity::toJob).toList();
        };
        return q.labels().isEmpty() ? unlabelled(q, rows) : labelled(q, rows);
    }

    private static JobPage unlabelled(JobQuery q, Rows rows) {
        List<Job> jobs = rows.read((int) q.offset(), q.limit() > 0 ? q.limit() + 1 : Integer.MAX_VALUE);
        boolean more = q.limit() > 0 && jobs.size() > q.limit();
        return new JobPage(more ? jobs.subList(0, q.limit()) : jobs, more);
    }

    /** The page of the rows that match {@code q}'s labels, reading no more batches than it takes to find it. */
    static JobPage labelled(JobQuery q, Rows rows) {
        long wanted = q.limit() > 0 ? q.offset() + q.limit() + 1 : Long.MAX_VALUE;
        Map<String, Job> matching = new LinkedHashMap<>();
        int first = 0;
        int batch = (int) Math.max(FIRST_LABELLED_BATCH, Math.min(wanted, MAX_BATCH));
        while (matching.size() < wanted) {
            List<Job> read = rows.read(first, batch);
            for (Job job : read) {
                if (q.labels().matches(job.labels())) matching.putIfAbsent(job.id(), job);
                if (matching.size() >= wanted) break;
            }
            if (read.size() < batch) break;
            first += batch;
            batch = Math.min(2 * batch, MAX_BATCH);
        }
        List<Job> found = new ArrayList<>(matching.values());
        int from = (int) Math.min(q.offset(), found.size());
        int to = q.limit() > 0 ? Math.min(found.size(), from + q.limit()) : found.size();
        return new JobPage(found.subList(from, to), to < found.size());
    }

    private TypedQuery<JobEntity> query() {
        boolean allNamespaces = q.allNamespaces();
        List<String> conditions = new ArrayList<>();
        if (!allNamespaces) conditions.add("j.namespace = :ns");
        if (!q.states().isEmpty()) conditions.add("j.state in :states");
        String jpql = "select j from JobEntity j" + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + orderBy(q);
        TypedQuery<JobEntity> query = em.createQuery(jpql, JobEntity.class);
        if (!allNamespaces) query.setParameter("ns", q.namespace());
        if (!q.states().isEmpty()) query.setParameter("states", q.states().stream().map(Enum::name).toList());
        return query;
    }
}
