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

/**
 * Scheduler workers: one session per worker ({@code Orchestrator.Scheduler.WorkerCount}). Messages are
 * grouped by job, so one job is evaluated by one worker at a time. A failure is redelivered with backoff
 * and dead-lettered after {@code Orchestrator.EvaluationBroker.MaxRetryCount} deliveries.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Addresses.EVALUATIONS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${MPCONFIG=Orchestrator.Scheduler.WorkerCount}")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EvaluationMdb implements MessageListener {
    @Inject
    EvaluationWorker worker;

    @Override
    public void onMessage(Message message) {
        try {
            worker.process(message.getStringProperty(Broker.EVALUATION_ID));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable evaluation message", e);
        }
    }
}
