package io.bacalao.orchestrator.messaging;

import io.bacalao.broker.Addresses;
import io.bacalao.orchestrator.jobs.EvaluationWorker;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scheduler workers: one session per worker ({@code Orchestrator.Scheduler.WorkerCount}). Messages are
 * grouped by job, so one job is evaluated by one worker at a time. Delivery is at least once, and the job
 * store decides what happens to a failing evaluation: the worker counts every attempt there, acknowledges the
 * message and hands the evaluation back to the broker with a backoff, and dead-letters it itself (its job
 * fails) at {@code Orchestrator.EvaluationBroker.MaxRetryCount} attempts. Only when an attempt cannot be counted
 * (the job store is away) does this bean throw, so that the broker delivers the message again with backoff;
 * after {@code MaxRetryCount} deliveries the broker moves it to {@code bacalao.dlq}, which {@link DeadLetterMdb}
 * drains.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Addresses.EVALUATIONS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${MPCONFIG=Orchestrator.Scheduler.WorkerCount}")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EvaluationMdb implements MessageListener {
    private static final Logger LOG = Logger.getLogger(EvaluationMdb.class.getName());

    @Inject
    EvaluationWorker worker;

    @Override
    public void onMessage(Message message) {
        String evaluationId;
        try {
            evaluationId = message.getStringProperty(Broker.EVALUATION_ID);
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "dropping an evaluation message without a readable " + Broker.EVALUATION_ID, e);
            return;
        }
        if (evaluationId == null) {
            LOG.warning("dropping an evaluation message without " + Broker.EVALUATION_ID);
            return;
        }
        worker.process(evaluationId);
    }
}
