package io.bacalao.orchestrator.nodes;

import io.bacalao.domain.model.NodeState;
import io.bacalao.orchestrator.store.NodeStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;

/**
 * Every node the orchestrator knows, in memory, for the schedulers: an evaluation reads it instead of re-reading
 * and re-parsing every node row (see docs/orchestrator-performance.md).
 *
 * <p>The store stays the truth. The snapshot is loaded from the store on first use after start-up, reloaded
 * whole once a minute ({@link SelfRegistration}), and each node change is copied from the store right after it
 * commits: registration and reconnection (handshake), info updates, approval, rejection, deletion and
 * disconnection re-read that node's row ({@link #changed}); a heartbeat moves its time forward in memory
 * ({@link #heartbeat}). Every caller copies the change before it creates the evaluations the change triggers, so
 * those evaluations see it.
 *
 * <p>Staleness contract: an evaluation sees each node as some state it was committed in, possibly older than the
 * store's by a change committed while the evaluation ran (or, should a copy fail, until the next minute's
 * reload). Reading the store in the evaluation's transaction, as before, left the same window between the read
 * and the plan's commit: the plan applier checks the job's revision, not the nodes', and a node that leaves after
 * being picked has its executions failed over by the evaluation its departure triggers.
 */
@ApplicationScoped
public class NodeSnapshot {
    private final NodeTable table = new NodeTable();

    @Inject
    NodeStore store;
    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Every known node (connected or not, compute or requester), ordered by ID. */
    public List<NodeState> all() {
        return table.all(store::list);
    }

    /**
     * Copies the node's row from the store: now when no transaction is active (the change is committed), or
     * after the active transaction commits (nothing when it rolls back).
     */
    public void changed(String nodeId) {
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) refresh(nodeId);
                }
            });
            return;
        }
        refresh(nodeId);
    }

    /** A heartbeat the store accepted (the node is known and connected). */
    public void heartbeat(String nodeId, long seq, Instant at) {
        table.heartbeat(nodeId, seq, at);
    }

    /** Replaces the snapshot with the store's rows, forgetting nodes that are gone. */
    public void reload() {
        table.reload(store::list);
    }

    private void refresh(String nodeId) {
        table.refresh(nodeId, () -> store.find(nodeId));
    }
}
