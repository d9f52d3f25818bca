package io.bacalao.orchestrator.nodes;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.model.NodeAction;
import io.bacalao.domain.model.NodeConnection;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.NodeType;
import io.bacalao.domain.protocol.HandshakeResponse;
import io.bacalao.orchestrator.messaging.NodeChannel;
import io.bacalao.orchestrator.store.NodeStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * An operator's approve, reject and delete (reference §1.5). Approving lets a node take work (waiting jobs are
 * evaluated again); rejecting also disconnects it, tells it so, and fails its executions over; deleting forgets
 * it, and the node registers again on its next handshake.
 */
@ApplicationScoped
public class NodeActions {
    private static final Logger LOG = Logger.getLogger(NodeActions.class.getName());

    @Inject
    NodeStore nodes;
    @Inject
    NodeSnapshot snapshot;
    @Inject
    NodeManager manager;
    @Inject
    NodeEvents events;
    @Inject
    NodeChannel channel;
    @Inject
    Clock clock;

    /** Applies {@code action} to the node with this ID or unique prefix; "unsupported action X" (500) otherwise. */
    public void apply(String idOrPrefix, String action, String message) {
        NodeAction a = NodeAction.parse(action)
                .orElseThrow(() -> BacalaoException.plain("unsupported action " + (action == null ? "" : action), null));
        switch (a) {
            case APPROVE -> approve(idOrPrefix);
            case REJECT -> reject(idOrPrefix, message);
            case DELETE -> delete(idOrPrefix, message);
        }
    }

    private void approve(String idOrPrefix) {
        NodeStore.Change c = nodes.approve(idOrPrefix);
        String id = c.after().id();
        snapshot.changed(id);
        LOG.info(() -> "node " + id + " approved");
        events.membership(id, c.before().membership(), c.after().membership(), "approved by an operator");
        if (c.after().connection() == NodeConnection.CONNECTED) manager.reevaluateWaitingJobs(id);
    }

    private void reject(String idOrPrefix, String message) {
        NodeStore.Change c = nodes.reject(idOrPrefix, message, clock.instant());
        NodeState after = c.after();
        snapshot.changed(after.id());
        String why = after.connectionState().lastError();
        LOG.info(() -> "node " + after.id() + " " + why);
        events.membership(after.id(), c.before().membership(), after.membership(), why);
        events.connection(after.id(), c.before().connection(), after.connection(), why);
        if (after.info().nodeType() == NodeType.Compute) tell(after.id(), after.membership().name(), why);
        manager.reevaluateJobsOn(after.id());
    }

    private void delete(String idOrPrefix, String message) {
        NodeState last = nodes.delete(idOrPrefix);
        snapshot.changed(last.id());
        String why = "deleted by an operator" + (message == null || message.isBlank() ? "" : ": " + message.trim());
        LOG.info(() -> "node " + last.id() + " " + why);
        events.deleted(last.id(), last.membership(), why);
        releaseOnBroker(last.id());
        if (last.connection() == NodeConnection.CONNECTED && last.info().nodeType() == NodeType.Compute) tell(last.id(), "", why + "; handshake required");
        manager.reevaluateJobsOn(last.id());
    }

    /**
     * Frees the node ID's binding to its secret on the broker (docs/broker-security.md), so that the node (or a
     * replacement with a new secret) can register again. Best effort: a broker that is away keeps the binding, and
     * the old node can still come back with its old secret.
     */
    private void releaseOnBroker(String nodeId) {
        try {
            channel.release(nodeId);
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not release node " + nodeId + " on the broker: " + e.getMessage());
        }
    }

    /** Tells a compute node it is no longer connected, so it stops heartbeating into the void. */
    private void tell(String nodeId, String membership, String reason) {
        try {
            channel.tell(new HandshakeResponse(nodeId, false, membership, reason));
        } catch (RuntimeException e) {
            LOG.fine(() -> "could not tell " + nodeId + ": " + e.getMessage());
        }
    }
}
