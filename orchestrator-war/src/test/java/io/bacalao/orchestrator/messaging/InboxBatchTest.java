package io.bacalao.orchestrator.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.protocol.ExecutionProgress;
import io.bacalao.domain.protocol.Heartbeat;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.domain.protocol.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A batch of the orchestrator's inbox: reports in one transaction ordered by job ID (arrival order kept within a
 * job), node messages on their own, and, when the batch's transaction fails, every report again on its own so that
 * only a poisoned one fails.
 */
class InboxBatchTest {
    /** Records what each transaction applied; a transaction fails (as a whole) when it meets a poisoned message. */
    private static final class Store {
        final List<List<String>> groupCommits = new ArrayList<>();
        final List<String> committedAlone = new ArrayList<>();
        final List<String> poisoned = new ArrayList<>();

        InboxBatch batch() {
            return new InboxBatch(this::groupCommit, this::alone);
        }

        private void groupCommit(List<ProtocolMessage> ordered) {
            List<String> applied = new ArrayList<>();
            for (ProtocolMessage m : ordered) {
                if (poisoned.contains(label(m))) throw new IllegalStateException("cannot apply " + label(m));
                applied.add(label(m));
            }
            groupCommits.add(applied);
        }

        private void alone(ProtocolMessage m) {
            if (poisoned.contains(label(m))) throw new IllegalStateException("cannot apply " + label(m));
            committedAlone.add(label(m));
        }
    }

    private static String label(ProtocolMessage m) {
        return switch (m) {
            case RunResult r -> r.executionId();
            case ExecutionProgress p -> p.executionId();
            case Heartbeat h -> "hb-" + h.nodeId();
            default -> m.toString();
        };
    }

    private static InboxBatch.Item<String> result(String jobId, String executionId) {
        return new InboxBatch.Item<>(executionId, new RunResult("n-1", executionId, jobId, null, null, List.of()));
    }

    private static InboxBatch.Item<String> running(String jobId, String executionId) {
        return new InboxBatch.Item<>(executionId,
                new ExecutionProgress("n-1", executionId, jobId, ExecutionStateType.Running, null));
    }

    private static InboxBatch.Item<String> heartbeat(String nodeId) {
        return new InboxBatch.Item<>("hb-" + nodeId, new Heartbeat(nodeId, 1));
    }

    @Test
    void reportsAreAppliedInOneTransactionOrderedByJob() {
        Store store = new Store();
        List<InboxBatch.Failure<String>> failures = store.batch().apply(List.of(
                result("j-c", "e-c1"), result("j-a", "e-a1"), result("j-b", "e-b1"), result("j-a", "e-a2")));
        assertTrue(failures.isEmpty(), failures.toString());
        assertEquals(List.of(List.of("e-a1", "e-a2", "e-b1", "e-c1")), store.groupCommits);
        assertTrue(store.committedAlone.isEmpty(), store.committedAlone.toString());
    }

    @Test
    void reportsOfOneJobKeepTheirArrivalOrder() {
        Store store = new Store();
        store.batch().apply(List.of(running("j-b", "e-b1"), result("j-a", "e-a1"), result("j-b", "e-b1-done"),
                running("j-a", "e-a1-late")));
        assertEquals(List.of(List.of("e-a1", "e-a1-late", "e-b1", "e-b1-done")), store.groupCommits);
    }

    @Test
    void nodeMessagesAreHandledOnTheirOwnBeforeTheReports() {
        Store store = new Store();
        store.batch().apply(List.of(result("j-b", "e-b1"), heartbeat("n-1"), result("j-a", "e-a1"), heartbeat("n-2")));
        assertEquals(List.of("hb-n-1", "hb-n-2"), store.committedAlone);
        assertEquals(List.of(List.of("e-a1", "e-b1")), store.groupCommits);
    }

    @Test
    void aSingleReportIsHandledAsBeforeWithoutAGroupTransaction() {
        Store store = new Store();
        store.batch().apply(List.of(result("j-a", "e-a1")));
        assertEquals(List.of("e-a1"), store.committedAlone);
        assertTrue(store.groupCommits.isEmpty());
    }

    @Test
    void aPoisonedReportFailsAloneAndItsNeighboursAreApplied() {
        Store store = new Store();
        store.poisoned.add("e-b1");
        List<InboxBatch.Failure<String>> failures = store.batch().apply(List.of(
                result("j-c", "e-c1"), result("j-b", "e-b1"), result("j-a", "e-a1")));
        assertTrue(store.groupCommits.isEmpty(), "the batch's transaction should have failed as a whole");
        assertEquals(List.of("e-a1", "e-c1"), store.committedAlone, "the neighbours are applied one by one, in job order");
        assertEquals(1, failures.size(), failures.toString());
        assertEquals("e-b1", failures.get(0).item().handle());
        assertTrue(failures.get(0).error().getMessage().contains("e-b1"), failures.get(0).error().getMessage());
    }

    @Test
    void aFailingNodeMessageFailsAloneAndDoesNotStopTheReports() {
        Store store = new Store();
        store.poisoned.add("hb-n-9");
        InboxBatch.Item<String> bad = heartbeat("n-9");
        List<InboxBatch.Failure<String>> failures = store.batch().apply(List.of(bad, result("j-a", "e-a1"),
                result("j-b", "e-b1")));
        assertEquals(1, failures.size());
        assertSame(bad, failures.get(0).item());
        assertEquals(List.of(List.of("e-a1", "e-b1")), store.groupCommits);
    }

    @Test
    void aGroupCommitThatFailsWithoutAPoisonedReportAppliesEveryReportAlone() {
        List<String> alone = new ArrayList<>();
        Consumer<ProtocolMessage> handler = m -> alone.add(label(m));
        InboxBatch batch = new InboxBatch(ordered -> {
            throw new IllegalStateException("deadlock detected; transaction rolled back");
        }, handler);
        List<InboxBatch.Failure<String>> failures = batch.apply(List.of(result("j-b", "e-b1"), result("j-a", "e-a1")));
        assertTrue(failures.isEmpty(), failures.toString());
        assertEquals(List.of("e-a1", "e-b1"), alone);
    }
}
