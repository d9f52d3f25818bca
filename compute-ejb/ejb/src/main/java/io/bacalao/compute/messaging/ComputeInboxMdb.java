package io.bacalao.compute.messaging;

import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the orchestrator sends this node, from its own queue {@code bacalao.compute.<nodeId>} (the name
 * comes from the launcher as {@code bacalao.compute.queue}).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "${MPCONFIG=bacalao.compute.queue}"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ComputeInboxMdb implements MessageListener {
    private static final Logger LOG = Logger.getLogger(ComputeInboxMdb.class.getName());

    @Inject
    ComputeMessageHandler handler;

    @Override
    public void onMessage(Message message) {
        ProtocolMessage m;
        try {
            m = ProtocolCodec.decode(message.getStringProperty(ProtocolMessage.TYPE_PROPERTY),
                    ((TextMessage) message).getText());
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "dropping an unreadable message from the orchestrator", e);
            return;
        }
        handler.handle(m);
    }
}
