package io.bacalao.orchestrator.messaging;

import io.bacalao.broker.Addresses;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.orchestrator.jobs.EvaluationWorker;
import io.bacalao.orchestrator.jobs.Failures;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains {@code bacalao.dlq}, where the broker puts a message after its address's maximum deliveries, so that
 * the queue never grows without bound. An evaluation is decided on by the attempts counted in the job store
 * ({@link EvaluationWorker#onDeadLettered}: dead-lettered there too, or sent again). Any other message (one a
 * compute node or the inbox could not handle) is logged with where it came from and dropped: the job store is
 * the truth, and the sweeps re-send what a job still needs. Never throws, so nothing goes round in the
 * dead-letter queue: when the job store cannot be reached, the evaluation stays pending there and the sweep
 * sends it again later.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Addresses.DEAD_LETTERS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadLetterMdb implements MessageListener {
    private static final Logger LOG = Logger.getLogger(DeadLetterMdb.class.getName());
    /** Artemis' property naming the address a dead-lettered message was first sent to. */
    static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

    @Inject
    EvaluationWorker worker;
    @Inject
    DeadLetters deadLetters;

    @Override
    public void onMessage(Message message) {
        deadLetters.fromBroker();
        try {
            String evaluationId = message.getStringProperty(Broker.EVALUATION_ID);
            if (evaluationId != null) {
                worker.onDeadLettered(evaluationId);
            } else {
                LOG.warning("dropping a dead-lettered " + message.getStringProperty(ProtocolMessage.TYPE_PROPERTY)
                        + " message first sent to " + message.getStringProperty(ORIGINAL_ADDRESS)
                        + ": it failed the broker's maximum deliveries");
            }
        } catch (Throwable e) {
            Failures.rethrowIfVmFatal(e);
            LOG.log(Level.WARNING, "could not handle a dead-lettered message; dropped (the sweep re-sends what is"
                    + " still pending): " + Failures.describe(e));
        }
    }
}
