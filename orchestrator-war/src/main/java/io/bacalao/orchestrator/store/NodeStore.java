package io.bacalao.orchestrator.store;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.error.ErrorCode;
import io.bacalao.domain.model.NodeInfo;
import io.bacalao.domain.model.NodeMembership;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.NodeType;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Nodes the orchestrator knows, with membership and liveness. */
@Stateless
public class NodeStore {
    public static final String COMPONENT = "NodeManager";

    @PersistenceContext(unitName = "orchestrator")
    private EntityManager em;

    /** Result of a handshake: whether the node may connect, its membership, and whether it was new or had been away. */
    public record Handshake(boolean accepted, NodeMembership membership, String reason, boolean joined) {
    }

    public Handshake handshake(NodeInfo info, boolean manualApproval, Instant now) {
        if (info.nodeType() != NodeType.Compute) {
            return new Handshake(false, null, "only compute nodes can connect to an orchestrator", false);
        }
        NodeEntity node = em.find(NodeEntity.class, info.nodeId(), LockModeType.PESSIMISTIC_WRITE);
        if (node == null) {
            NodeMembership m = manualApproval ? NodeMembership.PENDING : NodeMembership.APPROVED;
            em.persist(new NodeEntity(info, m, now));
            return new Handshake(true, m, "", true);
        }
        if (node.membership() == NodeMembership.REJECTED) {
            return new Handshake(false, NodeMembership.REJECTED, "node has been rejected", false);
        }
        boolean wasAway = !node.isConnected();
        node.info(info);
        node.connect(now);
        return new Handshake(true, node.membership(), "", wasAway);
    }

    /** Registers the orchestrator itself, always approved and connected. */
    public void registerSelf(NodeInfo info, Instant now) {
        NodeEntity node = em.find(NodeEntity.class, info.nodeId());
        if (node == null) {
            em.persist(new NodeEntity(info, NodeMembership.APPROVED, now));
        } else {
            node.info(info);
            node.connect(now);
        }
    }

    /** Returns false for a node that must handshake first (unknown or disconnected). */
    public boolean heartbeat(String nodeId, long seq, Instant now) {
        NodeEntity node = em.find(NodeEntity.class, nodeId);
        if (node == null || !node.isConnected()) return false;
        node.heartbeat(seq, now);
        return true;
    }

    /** What a node info update changed. */
    public enum InfoUpdate {
        /** The node must handshake first (unknown or disconnected). */
        HANDSHAKE_REQUIRED,
        UPDATED,
        /** The node has more free capacity, or less queued work, than it reported before. */
        CAPACITY_FREED
    }

    public InfoUpdate updateInfo(NodeInfo info, Instant now) {
        NodeEntity node = em.find(NodeEntity.class, info.nodeId());
        if (node == null || !node.isConnected()) return InfoUpdate.HANDSHAKE_REQUIRED;
        NodeInfo before = node.toNodeState().info();
        node.info(info);
        node.heartbeat(0, now);
        return freed(before, info) ? InfoUpdate.CAPACITY_FREED : InfoUpdate.UPDATED;
    }

    private static boolean freed(NodeInfo before, NodeInfo after) {
        if (before.computeNodeInfo() == null || after.computeNodeInfo() == null) return false;
        var was = before.computeNodeInfo();
        var now = after.computeNodeInfo();
        return !now.availableCapacity().fitsIn(was.availableCapacity())
                || !was.queueCapacity().fitsIn(now.queueCapacity())
                || !now.maxCapacity().fitsIn(was.maxCapacity());
    }

    /** Marks a node DISCONNECTED; returns false when it already was. */
    public boolean disconnect(String nodeId, String why, Instant now) {
        NodeEntity node = em.find(NodeEntity.class, nodeId, LockModeType.PESSIMISTIC_WRITE);
        if (node == null || !node.isConnected()) return false;
        node.disconnect(why, now);
        return true;
    }

    /** Connected compute nodes whose last heartbeat is older than the cutoff (epoch ms). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> silentSince(long cutoffMillis) {
        return em.createQuery("select n from NodeEntity n where n.connection = 'CONNECTED' and n.lastHeartbeat < :cutoff",
                        NodeEntity.class).setParameter("cutoff", cutoffMillis).getResultList().stream()
                .map(NodeEntity::toNodeState).filter(n -> n.info().nodeType() == NodeType.Compute)
                .map(NodeState::id).toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<NodeState> list() {
        return em.createQuery("select n from NodeEntity n order by n.id", NodeEntity.class).getResultList().stream()
                .map(NodeEntity::toNodeState).toList();
    }

    /** A node by ID or unique ID prefix: 404 when none, 409 when several match. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public NodeState get(String idOrPrefix) {
        NodeEntity exact = em.find(NodeEntity.class, idOrPrefix);
        if (exact != null) return exact.toNodeState();
        List<NodeEntity> matches = em.createQuery("select n from NodeEntity n where n.id like :p", NodeEntity.class)
                .setParameter("p", idOrPrefix + "%").setMaxResults(2).getResultList();
        if (matches.isEmpty()) throw BacalaoException.notFound(COMPONENT, "node not found: " + idOrPrefix);
        if (matches.size() > 1) {
            throw new BacalaoException(ErrorCode.MULTIPLE_NODES_FOUND, COMPONENT,
                    "multiple nodes found for prefix " + idOrPrefix, "Use the full node ID");
        }
        return matches.get(0).toNodeState();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<NodeState> find(String nodeId) {
        return Optional.ofNullable(em.find(NodeEntity.class, nodeId)).map(NodeEntity::toNodeState);
    }
}
