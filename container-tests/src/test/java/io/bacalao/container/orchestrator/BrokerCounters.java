package io.bacalao.container.orchestrator;

import io.bacalao.broker.Addresses;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Reads the broker's own count of messages ever added to a queue (Artemis management, {@code messagesAdded}), so a
 * test can tell that nothing was sent, at once, without waiting for something not to arrive.
 */
final class BrokerCounters {
    private BrokerCounters() {
    }

    /** Messages added to the evaluations queue since the broker started. */
    static long evaluationsQueued() {
        return messagesAdded(Addresses.EVALUATIONS);
    }

    static long messagesAdded(String queue) {
        try (ActiveMQConnectionFactory cf = ActiveMQJMSClient.createConnectionFactory(
                System.getProperty("bacalao.broker.url"), "container-tests");
             QueueConnection c = cf.createQueueConnection(System.getProperty("bacalao.broker.user"),
                     System.getProperty("bacalao.broker.password"))) {
            QueueSession s = c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue management = ActiveMQJMSClient.createQueue("activemq.management");
            QueueRequestor requestor = new QueueRequestor(s, management);
            c.start();
            Message m = s.createMessage();
            JMSManagementHelper.putAttribute(m, ResourceNames.QUEUE + queue, "messagesAdded");
            Message reply = requestor.request(m);
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new AssertionError("the broker did not answer messagesAdded of " + queue + ": "
                        + JMSManagementHelper.getResult(reply));
            }
            return ((Number) JMSManagementHelper.getResult(reply)).longValue();
        } catch (JMSException e) {
            throw new AssertionError("could not ask the broker for its counters", e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
