package io.bacalao.orchestrator.messaging;

import io.bacalao.domain.protocol.ProtocolMessage;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.function.Consumer;

/**
 * The group commit of an inbox batch: every report handled by the usual handling ({@link ComputeMessageRouter}),
 * whose store beans join this one transaction; their row locks, rows and outgoing messages (the outbox sends after
 * this commit) belong to it. Any exception rolls the whole batch back, application exceptions included; it is
 * returned rather than thrown (a poisoned report is expected here, not a container failure to log), and a failure
 * of the commit itself reaches the caller as an {@code EJBException}.
 *
 * <p>The persistence context is flushed after each report: report handling re-reads the execution row it changes
 * ({@code em.refresh}), which would otherwise discard an earlier report's unflushed change to the same execution.
 */
@Stateless
public class InboxTransaction {
    @PersistenceContext(unitName = "orchestrator")
    EntityManager em;
    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public RuntimeException applyAll(List<ProtocolMessage> ordered, Consumer<ProtocolMessage> handler) {
        try {
            for (ProtocolMessage m : ordered) {
                handler.accept(m);
                em.flush();
            }
            return null;
        } catch (RuntimeException e) {
            context.setRollbackOnly();
            return e;
        } catch (Error e) {
            context.setRollbackOnly();
            throw e;
        }
    }
}
