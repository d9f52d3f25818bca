package io.bacalao.orchestrator.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows in each table of the job store, for {@code agent debug}: what retention keeps bounded
 * (docs/orchestrator-performance.md#retention) can be watched from outside. One {@code count} per table, each read
 * on its own (not one snapshot): under load the figures are approximate, at rest they are exact.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StoreSize {
    /** Entry name → entity, in the order a reader expects: the job, what hangs off it, then the rest. */
    private static final Map<String, Class<?>> TABLES = tables();

    @PersistenceContext(unitName = "orchestrator")
    private EntityManager em;

    private static Map<String, Class<?>> tables() {
        Map<String, Class<?>> t = new LinkedHashMap<>();
        t.put("Jobs", JobEntity.class);
        t.put("JobVersions", JobVersionEntity.class);
        t.put("Executions", ExecutionEntity.class);
        t.put("History", HistoryEntity.class);
        t.put("Evaluations", EvaluationEntity.class);
        t.put("PurgedJobs", PurgedJobEntity.class);
        t.put("Nodes", NodeEntity.class);
        return t;
    }

    /** Rows per table, by the names of {@link #TABLES}. */
    public Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        TABLES.forEach((name, entity) -> rows.put(name, em.createQuery("select count(e) from "
                + entity.getSimpleName() + " e", Long.class).getSingleResult()));
        return rows;
    }
}
