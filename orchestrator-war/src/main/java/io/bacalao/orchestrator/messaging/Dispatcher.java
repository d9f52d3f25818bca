package io.bacalao.orchestrator.messaging;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.orchestrator.store.ExecutionChange;
import io.bacalao.orchestrator.store.Outgoing;
import io.bacalao.orchestrator.store.StopOrder;
import io.bacalao.domain.protocol.CancelExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The only sender of what the job store commits: observes each transaction's {@link Outgoing} after a
 * successful commit (never after a rollback), translates execution changes into protocol messages
 * ({@link ExecutionMessages}) and queues evaluations. A failed send is logged and left to the sweeps, which
 * re-send pending evaluations and stuck executions' messages from the store.
 */
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    Broker broker;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outgoing out) {
        for (ExecutionChange c : out.executionChanges()) {
            Optional<ProtocolMessage> m;
            try {
                m = ExecutionMessages.of(c);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "no message for execution " + c.after().id() + ": " + e.getMessage(), e);
                continue;
            }
            m.ifPresent(this::send);
        }
        for (StopOrder s : out.stopOrders()) {
            send(new CancelExecution(s.nodeId(), s.executionId(), s.jobId(), s.reason()));
        }
        for (Evaluation e : out.evaluations()) {
            try {
                broker.enqueue(e);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "could not queue evaluation " + e.id() + "; the sweep will retry: " + ex.getMessage());
            }
        }
    }

    private void send(ProtocolMessage m) {
        try {
            broker.send(m);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not send " + m.getClass().getSimpleName() + " to " + m.nodeId()
                    + "; the sweep will retry: " + e.getMessage());
        }
    }
}
