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

/**
 * Everything compute nodes send the orchestrator: decoded and handed to the router. A node speaks only for itself:
 * a message whose {@code NodeID} is not the broker user that sent it (Artemis' {@code _AMQ_VALIDATED_USER}) is
 * dropped, so a node holding the join token cannot heartbeat, bid or report for another node.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Addresses.ORCHESTRATOR),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InboxMdb implements MessageListener {
    private static final Logger LOG = Logger.getLogger(InboxMdb.class.getName());
    /** Set by the broker on every message (populate-validated-user): who logged in to send it. */
    static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";
    /** The orchestrator's broker user (a hybrid node's compute side sends as it). */
    static final String ORCHESTRATOR_USER = "bacalao-orchestrator";

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
        String sender = validatedUser(message);
        if (!maySpeakFor(sender, m.nodeId())) {
            LOG.warning(() -> "dropping a " + m.getClass().getSimpleName() + " for node " + m.nodeId()
                    + " sent by broker user " + sender + ": a node may speak only for itself");
            return;
        }
        router.route(m);
    }

    /** True when the broker user {@code sender} may send a message about {@code nodeId}. */
    static boolean maySpeakFor(String sender, String nodeId) {
        return sender != null && (sender.equals(ORCHESTRATOR_USER) || sender.equals(nodeId));
    }

    private static String validatedUser(Message message) {
        try {
            return message.getStringProperty(VALIDATED_USER);
        } catch (JMSException e) {
            return null;
        }
    }
}
