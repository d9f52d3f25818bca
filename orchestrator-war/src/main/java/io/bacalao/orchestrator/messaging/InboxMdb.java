package io.bacalao.orchestrator.messaging;

import io.bacalao.broker.Addresses;
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

/** Everything compute nodes send the orchestrator: decoded and handed to the router. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Addresses.ORCHESTRATOR),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InboxMdb implements MessageListener {
    private static final Logger LOG = Logger.getLogger(InboxMdb.class.getName());

    @Inject
    ComputeMessageRouter router;

    @Override
    public void onMessage(Message message) {
        ProtocolMessage m;
        try {
            m = ProtocolCodec.decode(message.getStringProperty(ProtocolMessage.TYPE_PROPERTY),
                    ((TextMessage) message).getText());
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "dropping an unreadable message from a compute node", e);
            return;
        }
        router.route(m);
    }
}
