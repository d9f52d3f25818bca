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
import java.util.Map;
import java.util.Optional;

/** Nodes the orchestrator knows, with membership and liveness. */
@Stateless
public class NodeStore {
    public static final String COMPONENT = "NodeManager";

    @PersistenceContext(unitName = "orchestrator")
    private EntityManager em;

    /** Why a rejected node's handshakes are refused, followed by the operator's message when there was one. */
    public static final String REJECTED = "node has been rejected";

    /**
     * Result of a handshake: whether the node may connect, its membership, the refusal's reason, whether it joined
     * (new, or back after being away) and whether it is new to this orchestrator.
     */
    public record Handshake(boolean accepted, NodeMembership membership, String reason, boolean joined, boolean created) {
    }

    /** A node before and after an operator's action. */
    public record Change(NodeState before, NodeState after) {
    }

    public Handshake handshake(NodeInfo info, boolean manualApproval, Instant now) {
        if (info.nodeType() != NodeType.Compute) {
            return new Handshake(false, null, "only compute nodes can connect to an orchestrator", false, false);
        }
        NodeEntity node = em.find(NodeEntity.class, info.nodeId(), LockModeType.PESSIMISTIC_WRITE);
        if (node == null) {
            NodeMembership m = manualApproval ? NodeMembership.PENDING : NodeMembership.APPROVED;
            em.persist(new NodeEntity(info, m, now));
            return new Handshake(true, m, "", true, true);
        }
        if (node.membership() == NodeMembership.REJECTED) {
            String why = node.toNodeState().connectionState().lastError();
            return new Handshake(false, NodeMembership.REJECTED, why.startsWith(REJECTED) ? why : REJECTED, false, false);
        }
        boolean wasAway = !node.isConnected();
        node.info(info);
        node.connect(now);
        return new Handshake(true, node.membership(), "", wasAway, false);
    }

    /** Approves a node (ID or unique prefix): 404 when unknown, 409 when already approved. */
    public Change approve(String idOrPrefix) {
        NodeEntity node = resolve(idOrPrefix);
        NodeState before = node.toNodeState();
        if (before.membership() == NodeMembership.APPROVED) throw conflict(node.id(), "approved");
        node.membership(NodeMembership.APPROVED);
        return new Change(before, node.toNodeState());
    }

    /**
     * Rejects a node (ID or unique prefix) and marks it DISCONNECTED, keeping the operator's message as the reason
     * its later handshakes are refused: 404 when unknown, 409 when already rejected.
     */
    public Change reject(String idOrPrefix, String message, Instant now) {
        NodeEntity node = resolve(idOrPrefix);
        NodeState before = node.toNodeState();
        if (before.membership() == NodeMembership.REJECTED) throw conflict(node.id(), "rejected");
        node.membership(NodeMembership.REJECTED);
        String why = message == null || message.isBlank() ? REJECTED : REJECTED + ": " + message.trim();
        if (node.isConnected()) {
            node.disconnect(why, now);
        } else {
            node.lastError(why);
        }
        return new Change(before, node.toNodeState());
    }

    /** Forgets a node (ID or unique prefix); it may register again. 404 when unknown. Returns what it was. */
    public NodeState delete(String idOrPrefix) {
        NodeEntity node = resolve(idOrPrefix);
        NodeState last = node.toNodeState();
        em.remove(node);
        return last;
    }

    private NodeEntity resolve(String idOrPrefix) {
        return em.find(NodeEntity.class, get(idOrPrefix).id(), LockModeType.PESSIMISTIC_WRITE);
    }

    private static BacalaoException conflict(String nodeId, String state) {
        return new BacalaoException(ErrorCode.CONFLICT_NODE_STATE, COMPONENT, "node " + nodeId + " already " + state, null);
    }

    /** Registers the orchestrator itself, always approved and connected. */
    public void registerSelf(NodeInfo info, Instant now) {
        NodeEntity node = em.find(NodeEntity.class, info.nodeId());
        if (node == null) {
            em.persist(new NodeEntity(info, NodeMembership.APPROVED, now));
        } else {
            node.refreshSelf(info, now);
        }
    }

    /** Returns false for a node that must handshake first (unknown or disconnected). */
    public boolean heartbeat(String nodeId, long seq, Instant now) {
        NodeEntity node = em.find(NodeEntity.class, nodeId);
        if (node == null || !node.isConnected()) return false;
        node.heartbeat(seq, now);
        return true;
    }

    /**
     * Several nodes' heartbeats in one transaction, rows locked in node ID order; returns the IDs of the nodes that
     * must handshake first (unknown or disconnected).
     */
    public java.util.Set<String> heartbeats(Map<String, Long> seqByNode, Instant now) {
        java.util.Set<String> refused = new java.util.HashSet<>();
        for (Map.Entry<String, Long> beat : new java.util.TreeMap<>(seqByNode).entrySet()) {
            if (!heartbeat(beat.getKey(), beat.getValue(), now)) refused.add(beat.getKey());
        }
        return refused;
    }

    /** Stores fresh node info; returns the info it replaces, or empty for a node that must handshake first. */
    public Optional<NodeInfo> updateInfo(NodeInfo info, Instant now) {
        NodeEntity node = em.find(NodeEntity.class, info.nodeId());
        if (node == null || !node.isConnected()) return Optional.empty();
        NodeInfo previous = node.toNodeState().info();
        node.info(info);
        node.heartbeat(0, now);
        return Optional.of(previous);
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
