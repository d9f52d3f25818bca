package io.bacalao.orchestrator.nodes;

import io.bacalao.domain.model.ConnectionState;
import io.bacalao.domain.model.NodeState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * The nodes of {@link NodeSnapshot}, in memory, ordered by node ID. Reads take no lock and see each node as some
 * state it was committed in. Writes that copy rows from the store ({@link #reload}, {@link #refresh}) run one at a
 * time and read the store while they hold the lock, so a later write always reads a later (or the same) committed
 * state than an earlier one, and the table never goes back to an older state of a node whose change it has already
 * applied. A heartbeat only moves the node's last-heartbeat time and sequence number forward; it never changes its
 * connection or membership, which only rows read from the store set.
 */
public final class NodeTable {
    private final ConcurrentSkipListMap<String, NodeState> nodes = new ConcurrentSkipListMap<>();
    private final Object writes = new Object();
    private volatile boolean loaded;

    /** Every node (connected or not), ordered by ID; loads the table from {@code all} first when it never was. */
    public List<NodeState> all(Supplier<List<NodeState>> all) {
        if (!loaded) reload(all);
        return List.copyOf(nodes.values());
    }

    public Optional<NodeState> get(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** Replaces the whole table by what {@code all} reads from the store now (a node missing there is forgotten). */
    public void reload(Supplier<List<NodeState>> all) {
        synchronized (writes) {
            List<NodeState> fresh = all.get();
            nodes.keySet().retainAll(fresh.stream().map(NodeState::id).toList());
            fresh.forEach(n -> nodes.put(n.id(), n));
            loaded = true;
        }
    }

    /**
     * Copies one node's committed row, read by {@code row} while the lock is held; empty means the node is gone.
     * Before the first load nothing is copied: the load will read the node with the others.
     */
    public void refresh(String nodeId, Supplier<Optional<NodeState>> row) {
        synchronized (writes) {
            if (!loaded) return;
            Optional<NodeState> now = row.get();
            if (now.isPresent()) {
                nodes.put(nodeId, now.get());
            } else {
                nodes.remove(nodeId);
            }
        }
    }

    /**
     * A committed heartbeat: moves the node's last heartbeat and compute sequence number forward (never back, so
     * heartbeats applied out of order do no harm). A node not in the table is left out: it registers by handshake.
     */
    public void heartbeat(String nodeId, long seq, Instant at) {
        nodes.computeIfPresent(nodeId, (id, n) -> {
            ConnectionState c = n.connectionState();
            Instant last = at.isAfter(c.lastHeartbeat()) ? at : c.lastHeartbeat();
            ConnectionState beat = new ConnectionState(c.status(), last, Math.max(seq, c.lastComputeSeqNum()),
                    c.lastOrchestratorSeqNum(), c.connectedSince(), c.disconnectedSince(), c.lastError());
            return new NodeState(n.info(), n.membership(), beat);
        });
    }
}
