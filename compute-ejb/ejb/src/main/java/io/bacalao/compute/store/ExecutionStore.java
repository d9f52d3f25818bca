package io.bacalao.compute.store;

import io.bacalao.domain.model.ExecutionStateType;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import jakarta.inject.Inject;

/** The node's own record of its executions, in its H2 file, so that it survives restarts. */
@Stateless
public class ExecutionStore {
    @PersistenceContext(unitName = "compute")
    private EntityManager em;
    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<LocalExecution> find(String id) {
        return Optional.ofNullable(em.find(LocalExecutionEntity.class, id)).map(LocalExecutionEntity::toLocal);
    }

    /** Whether the store answers a query now; throws (or is false) when it does not. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean answers() {
        return em.createNativeQuery("SELECT 1").getSingleResult() != null;
    }

    /**
     * Hands the execution, read under its row lock, to {@code inTransaction}, which may store a report that must not
     * be overtaken by a change of the execution (its changes take the same lock); false when the execution is unknown.
     */
    public boolean whileLocked(String id, Consumer<LocalExecution> inTransaction) {
        LocalExecutionEntity row = em.find(LocalExecutionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) return false;
        inTransaction.accept(row.toLocal());
        return true;
    }

    /** Stores a new execution; returns false when one with that ID is already known. */
    public boolean insert(LocalExecution e) {
        return insert(e, inserted -> {
        });
    }

    /** As {@link #insert(LocalExecution)}, and hands it to {@code inSameTransaction} before it commits. */
    public boolean insert(LocalExecution e, Consumer<LocalExecution> inSameTransaction) {
        if (em.find(LocalExecutionEntity.class, e.id()) != null) return false;
        em.persist(new LocalExecutionEntity(e, clock.millis()));
        inSameTransaction.accept(e);
        return true;
    }

    /**
     * Changes an execution if {@code change} accepts its current state (it returns null to refuse).
     * Returns the stored result, or empty when the execution is unknown or the change was refused.
     */
    public Optional<LocalExecution> update(String id, UnaryOperator<LocalExecution> change) {
        return update(id, change, changed -> {
        });
    }

    /**
     * As {@link #update(String, UnaryOperator)}, and hands the changed execution to {@code inSameTransaction}
     * before the change commits (e.g. to store its report), so both commit or neither does.
     */
    public Optional<LocalExecution> update(String id, UnaryOperator<LocalExecution> change,
                                           Consumer<LocalExecution> inSameTransaction) {
        LocalExecutionEntity row = em.find(LocalExecutionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) return Optional.empty();
        LocalExecution next = change.apply(row.toLocal());
        if (next == null) return Optional.empty();
        row.update(next, clock.millis());
        inSameTransaction.accept(next);
        return Optional.of(next);
    }

    /**
     * Deletes, in a transaction of its own, up to {@code max} records of ended executions last changed before
     * {@code modifiedBeforeMillis} (Unix milliseconds) whose reports have all left the outbox. Returns how many.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeEnded(long modifiedBeforeMillis, int max) {
        List<String> ended = java.util.Arrays.stream(ExecutionStateType.values())
                .filter(ExecutionStateType::isTerminal).map(Enum::name).toList();
        List<String> ids = em.createQuery("select e.id from LocalExecutionEntity e where e.state in :ended"
                        + " and e.modifyTime < :before and not exists (select p from PendingReportEntity p"
                        + " where p.executionId = e.id)", String.class)
                .setParameter("ended", ended).setParameter("before", modifiedBeforeMillis).setMaxResults(max)
                .getResultList();
        if (ids.isEmpty()) return 0;
        return em.createQuery("delete from LocalExecutionEntity e where e.id in :ids and e.state in :ended")
                .setParameter("ids", ids).setParameter("ended", ended).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<LocalExecution> inStates(List<ExecutionStateType> states) {
        return em.createQuery("select e from LocalExecutionEntity e where e.state in :states order by e.modifyTime",
                        LocalExecutionEntity.class)
                .setParameter("states", states.stream().map(Enum::name).toList())
                .getResultList().stream().map(LocalExecutionEntity::toLocal).toList();
    }

    /** How many executions this node holds, by state name (those it has none in are absent). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Map<String, Long> countsByState() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (Object[] row : em.createQuery("select e.state, count(e) from LocalExecutionEntity e group by e.state",
                Object[].class).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }
}
