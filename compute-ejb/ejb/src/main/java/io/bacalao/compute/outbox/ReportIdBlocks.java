package io.bacalao.compute.outbox;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Reserves blocks of report IDs in the {@code COMPUTE_OUTBOX} row of {@code COMPUTE_ID_BLOCKS}, whose
 * {@code NEXT_ID} is the last ID reserved so far (0 in a new store; the same meaning as JPA's table generator gave it
 * before {@link ReportIds}, so a store written by an older version goes on above its IDs).
 */
@Stateless
public class ReportIdBlocks {
    @PersistenceContext(unitName = "compute")
    private EntityManager em;

    /** Reserves the next {@code size} IDs in a transaction of its own, committed on return; returns the last one. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long reserve(int size) {
        int rows = em.createNativeQuery(
                "UPDATE COMPUTE_ID_BLOCKS SET NEXT_ID = NEXT_ID + ?1 WHERE NAME = 'COMPUTE_OUTBOX'")
                .setParameter(1, size).executeUpdate();
        if (rows != 1) throw new IllegalStateException("the store has no COMPUTE_OUTBOX row in COMPUTE_ID_BLOCKS");
        return ((Number) em.createNativeQuery("SELECT NEXT_ID FROM COMPUTE_ID_BLOCKS WHERE NAME = 'COMPUTE_OUTBOX'")
                .getSingleResult()).longValue();
    }
}
