package io.bacalao.orchestrator.messaging;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.orchestrator.store.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what a committed transaction produced. A failed send is logged and left to the sweeps, which
 * re-send pending evaluations and stuck executions' messages from the store.
 */
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    Broker broker;

    public void send(Outbox outbox) {
        for (ProtocolMessage m : outbox.messages()) {
            try {
                broker.send(m);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not send " + m.getClass().getSimpleName() + " to " + m.nodeId()
                        + "; the sweep will retry: " + e.getMessage());
            }
        }
        for (Evaluation e : outbox.evaluations()) {
            try {
                broker.enqueue(e);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "could not queue evaluation " + e.id() + "; the sweep will retry: " + ex.getMessage());
            }
        }
    }
}
