package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Evaluation;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The after-commit outbox. Writers register what a change must send while their transaction runs; the first
 * registration of a transaction fires its {@link Outgoing} as a CDI event, which observers receive with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} — after the commit, never after a rollback.
 *
 * <p>Only an active transaction is accepted: a transactional observer fired outside one would run at once,
 * sending before anything is stored. Registering without an active transaction throws
 * {@link IllegalStateException}, so a caller that forgot its transaction fails in its first test, not in a crash.
 */
@ApplicationScoped
public class Outbox {
    private static final Object KEY = Outbox.class.getName() + ".outgoing";

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;
    @Inject
    Event<Outgoing> committed;

    /** Registers an execution change; its node gets the matching message after commit. */
    public void add(ExecutionChange change) {
        current().add(change);
    }

    /** Registers a stored evaluation; it is queued for a worker after commit. */
    public void add(Evaluation evaluation) {
        current().add(evaluation);
    }

    /** Registers an order to stop an execution known only by its IDs (its row cannot be read). */
    public void add(StopOrder order) {
        current().add(order);
    }

    private Outgoing current() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("the outbox takes messages only inside an active transaction (status "
                    + transactions.getTransactionStatus() + "): they would be sent before they are stored");
        }
        Outgoing out = (Outgoing) transactions.getResource(KEY);
        if (out == null) {
            out = new Outgoing();
            transactions.putResource(KEY, out);
            committed.fire(out);
        }
        return out;
    }
}
