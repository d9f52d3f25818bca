package io.bacalao.broker;

import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerPlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * Frees a node ID's binding ({@link NodeBindings#release}) when the orchestrator sends a message to
 * {@link Addresses#NODE_RELEASE} with the property {@link Addresses#NODE_ID_PROPERTY}: that is how
 * {@code node delete} lets the node register again with a new secret. Messages from anyone else change nothing
 * (and are refused by {@link BrokerAccess} before they get here). The address has no queue, so the message is then
 * dropped. For a stock Artemis broker, list it in broker.xml's {@code broker-plugins}.
 */
public final class NodeReleasePlugin implements ActiveMQServerPlugin {
    private static final Logger LOG = Logger.getLogger(NodeReleasePlugin.class.getName());
    private volatile NodeBindings bindings;

    @Override
    public void registered(ActiveMQServer server) {
        if (server.getSecurityManager() instanceof TokenSecurityManager m) bindings = m.bindings();
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct, boolean noAutoCreateQueue) {
        if (!Addresses.NODE_RELEASE.equals(message.getAddress())) return;
        if (!TokenSecurityManager.ORCHESTRATOR_USER.equals(session.getUsername())) return;
        String nodeId = message.getStringProperty(Addresses.NODE_ID_PROPERTY);
        NodeBindings b = bindings;
        if (nodeId != null && b != null) {
            b.release(nodeId);
            LOG.info(() -> "node " + nodeId + " released: it may register again with a new secret");
        }
    }
}
