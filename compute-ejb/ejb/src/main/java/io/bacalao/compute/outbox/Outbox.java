package io.bacalao.compute.outbox;

import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The compute node's reports to the orchestrator, stored in the node's database before they are sent: a report
 * is added in the transaction of the local change it reports (it joins the caller's transaction), so the two
 * commit together or not at all, and the {@link OutboxSender} is woken only after that commit. A report leaves
 * the outbox once the broker has taken it durably; one that could not be sent stays, also across a restart.
 */
@Stateless
public class Outbox {
    @PersistenceContext(unitName = "compute")
    private EntityManager em;
    @Resource
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxSender sender;
    @Inject
    ReportIds ids;
    @Inject
    Clock clock;

    /** Stores a report about {@code executionId} (null for none), to be sent after the current transaction commits. */
    public void add(String executionId, ProtocolMessage m) {
        em.persist(new PendingReportEntity(ids.next(), executionId, ProtocolCodec.typeOf(m), ProtocolCodec.encode(m),
                clock.millis()));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) sender.wake();
            }
        });
    }

    /** The oldest reports not sent yet (nor parked, nor among {@code sent}), in the order they were stored. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PendingReport> oldest(int max, Set<Long> sent) {
        return notSent("select r from PendingReportEntity r", " order by r.id", PendingReportEntity.class, sent)
                .setMaxResults(max).getResultList().stream().map(PendingReportEntity::toPending).toList();
    }

    /** Removes reports the broker has taken. */
    public void remove(List<Long> ids) {
        if (ids.isEmpty()) return;
        em.createQuery("delete from PendingReportEntity r where r.id in :ids").setParameter("ids", ids).executeUpdate();
    }

    /**
     * Sets a report aside that the broker refused while it was reachable: it stays in the table with the time
     * ({@code PARKED_TIME}), counted by {@link #parked}, and is no longer sent.
     */
    public void park(long id, long now) {
        em.createQuery("update PendingReportEntity r set r.parkedTime = :now where r.id = :id")
                .setParameter("now", now).setParameter("id", id).executeUpdate();
    }

    /** Reports waiting to be sent: neither parked nor among {@code sent}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long size(Set<Long> sent) {
        return notSent("select count(r) from PendingReportEntity r", "", Long.class, sent).getSingleResult();
    }

    private <T> TypedQuery<T> notSent(String select, String order, Class<T> type, Set<Long> sent) {
        if (sent.isEmpty()) return em.createQuery(select + " where r.parkedTime is null" + order, type);
        return em.createQuery(select + " where r.parkedTime is null and r.id not in :sent" + order, type)
                .setParameter("sent", sent);
    }

    /** Reports set aside ({@link #park}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long parked() {
        return em.createQuery("select count(r) from PendingReportEntity r where r.parkedTime is not null", Long.class)
                .getSingleResult();
    }
}
