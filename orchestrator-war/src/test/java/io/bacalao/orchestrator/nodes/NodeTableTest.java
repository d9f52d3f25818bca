package io.bacalao.orchestrator.nodes;

import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.NodeConnection;
import io.bacalao.domain.model.NodeMembership;
import io.bacalao.domain.model.NodeState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NodeTableTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** Stands in for the node rows of the store: what reload and refresh copy. */
    private final Map<String, NodeState> rows = new ConcurrentHashMap<>();
    private final AtomicInteger fullReads = new AtomicInteger();
    private final NodeTable table = new NodeTable();

    private List<NodeState> readAll() {
        fullReads.incrementAndGet();
        return new ArrayList<>(rows.values());
    }

    private void store(NodeState n) {
        rows.put(n.id(), n);
    }

    @Test
    void loadsFromTheStoreOnFirstUseOnlyAndListsByNodeId() {
        store(aNode(3).build(NOW));
        store(aNode(1).build(NOW));
        store(aNode(2).build(NOW));
        assertFalse(table.isLoaded());

        List<NodeState> first = table.all(this::readAll);
        List<NodeState> second = table.all(this::readAll);

        assertEquals(List.of(aNode(1).id(), aNode(2).id(), aNode(3).id()), first.stream().map(NodeState::id).toList());
        assertEquals(first, second);
        assertEquals(1, fullReads.get(), "the second read is served from memory");
    }

    @Test
    void aChangedNodeIsCopiedFromItsRowWithoutReadingTheOthers() {
        store(aNode(1).build(NOW));
        store(aNode(2).build(NOW));
        table.all(this::readAll);

        store(aNode(2).disconnected().build(NOW));
        table.refresh(aNode(2).id(), () -> Optional.ofNullable(rows.get(aNode(2).id())));

        assertEquals(NodeConnection.DISCONNECTED, table.get(aNode(2).id()).orElseThrow().connection());
        assertEquals(NodeConnection.CONNECTED, table.get(aNode(1).id()).orElseThrow().connection());
        assertEquals(1, fullReads.get());
    }

    @Test
    void aNodeGoneFromTheStoreIsForgottenOnRefresh() {
        store(aNode(1).build(NOW));
        table.all(this::readAll);

        rows.remove(aNode(1).id());
        table.refresh(aNode(1).id(), () -> Optional.ofNullable(rows.get(aNode(1).id())));

        assertEquals(List.of(), table.all(this::readAll));
    }

    @Test
    void aNewNodeIsAddedOnRefresh() {
        table.all(this::readAll);

        store(aNode(7).membership(NodeMembership.PENDING).build(NOW));
        table.refresh(aNode(7).id(), () -> Optional.ofNullable(rows.get(aNode(7).id())));

        assertEquals(NodeMembership.PENDING, table.get(aNode(7).id()).orElseThrow().membership());
    }

    @Test
    void aRefreshBeforeTheFirstLoadLeavesTheNodeToTheLoad() {
        AtomicInteger rowReads = new AtomicInteger();
        table.refresh(aNode(1).id(), () -> {
            rowReads.incrementAndGet();
            return Optional.of(aNode(1).build(NOW));
        });

        assertEquals(0, rowReads.get());
        assertFalse(table.isLoaded());
        store(aNode(1).build(NOW));
        assertEquals(1, table.all(this::readAll).size());
    }

    @Test
    void reloadReplacesEveryNodeAndForgetsTheDeletedOnes() {
        store(aNode(1).build(NOW));
        store(aNode(2).build(NOW));
        table.all(this::readAll);

        rows.remove(aNode(1).id());
        store(aNode(2).membership(NodeMembership.REJECTED).build(NOW));
        store(aNode(3).build(NOW));
        table.reload(this::readAll);

        List<NodeState> all = table.all(this::readAll);
        assertEquals(List.of(aNode(2).id(), aNode(3).id()), all.stream().map(NodeState::id).toList());
        assertEquals(NodeMembership.REJECTED, all.get(0).membership());
    }

    @Test
    void aHeartbeatMovesTimeAndSequenceForwardOnlyAndKeepsConnectionAndMembership() {
        store(aNode(1).membership(NodeMembership.PENDING).build(NOW));
        table.all(this::readAll);

        table.heartbeat(aNode(1).id(), 7, NOW.plusSeconds(30));
        table.heartbeat(aNode(1).id(), 5, NOW.plusSeconds(20));

        NodeState n = table.get(aNode(1).id()).orElseThrow();
        assertEquals(NOW.plusSeconds(30), n.connectionState().lastHeartbeat());
        assertEquals(7, n.connectionState().lastComputeSeqNum());
        assertEquals(NodeMembership.PENDING, n.membership());
        assertEquals(NodeConnection.CONNECTED, n.connection());
    }

    @Test
    void aHeartbeatOfAnUnknownNodeAddsNothing() {
        table.all(this::readAll);

        table.heartbeat(aNode(9).id(), 1, NOW);

        assertTrue(table.get(aNode(9).id()).isEmpty());
    }

    @Test
    void theListIsACopyThatLaterChangesDoNotAlter() {
        store(aNode(1).build(NOW));
        List<NodeState> before = table.all(this::readAll);

        store(aNode(2).build(NOW));
        table.refresh(aNode(2).id(), () -> Optional.ofNullable(rows.get(aNode(2).id())));

        assertEquals(1, before.size());
        assertEquals(2, table.all(this::readAll).size());
    }

    /**
     * Two changes of one node race: the first reads the store, the second commits and copies its newer row, then
     * the first would copy its older row. Copies run one at a time and read the store inside the lock, so the
     * table ends with the newer row.
     */
    @Test
    void copiesOfOneNodeNeverGoBackToAnOlderRow() throws Exception {
        store(aNode(1).build(NOW));
        table.all(this::readAll);
        CountDownLatch firstReading = new CountDownLatch(1);
        CountDownLatch secondCommitted = new CountDownLatch(1);

        Thread first = Thread.ofPlatform().start(() -> table.refresh(aNode(1).id(), () -> {
            firstReading.countDown();
            await(secondCommitted);
            return Optional.ofNullable(rows.get(aNode(1).id()));
        }));
        await(firstReading);
        store(aNode(1).disconnected().build(NOW));
        secondCommitted.countDown();
        table.refresh(aNode(1).id(), () -> Optional.ofNullable(rows.get(aNode(1).id())));
        first.join(10_000);

        assertEquals(NodeConnection.DISCONNECTED, table.get(aNode(1).id()).orElseThrow().connection());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new AssertionError("latch not released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
