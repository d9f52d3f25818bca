package io.bacalao.compute.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.compute.concurrency.NodeThreads;
import io.bacalao.compute.messaging.OrchestratorLink;
import io.bacalao.domain.testing.MutableClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender's bookkeeping of outbox rows, with the outbox and the broker in memory (the real ones are exercised by
 * the system tests): which reports it sends, which rows it removes, and when.
 */
class OutboxSenderTest {
    private final MutableClock clock = new MutableClock();
    private final StoredReports rows = new StoredReports();
    private final Broker broker = new Broker();
    private final Threads threads = new Threads();
    private final OutboxSender sender = new OutboxSender();

    OutboxSenderTest() {
        sender.outbox = rows;
        sender.link = broker;
        sender.threads = threads;
        sender.clock = clock;
    }

    @AfterEach
    void stopTimers() {
        threads.timers.shutdownNow();
    }

    @Test
    void theRowsOfReportsSentTogetherAreRemovedInOneTransactionOnceDue() {
        rows.store(1, 2, 3);
        sender.wake();
        assertEquals(List.of(1L, 2L, 3L), broker.sent);
        assertEquals(List.of(), rows.removals, "nothing removed before it is due");
        assertEquals(0, sender.pending(), "sent reports are not pending, though their rows still stand");

        rows.store(4);
        sender.wake();
        assertEquals(List.of(1L, 2L, 3L, 4L), broker.sent, "a sent report is not sent again while its row stands");

        clock.advance(SentReports.DELAY);
        sender.wake();
        assertEquals(List.of(List.of(1L, 2L, 3L, 4L)), rows.removals);
        assertEquals(Set.of(), rows.ids());
    }

    @Test
    void aReportTheBrokerRefusesThreeTimesIsParkedAndKeptWhileTheReportsBehindItGoOn() {
        rows.store(1, 2);
        broker.refuse(1);
        sender.wake();
        sender.retryNow();
        sender.retryNow();
        assertEquals(List.of(2L), broker.sent);
        clock.advance(SentReports.DELAY);
        sender.wake();
        assertEquals(Set.of(1L), rows.ids(), "the parked report stays in the outbox");
        assertEquals(1, rows.parked());
        assertEquals(0, sender.pending());
    }

    @Test
    void aCleanStopRemovesTheRowsOfWhatWasSentSoNothingIsSentTwice() {
        rows.store(1, 2);
        sender.wake();
        sender.removeSent();
        assertEquals(Set.of(), rows.ids());
        assertEquals(List.of(1L, 2L), broker.sent);
    }

    @Test
    void aDrainReadsTheOutboxOnceWhenItHoldsLessThanABatch() {
        rows.store(1, 2);
        sender.wake();
        assertEquals(List.of(1L, 2L), broker.sent);
        assertEquals(1, rows.reads, "no second read to find the outbox empty");
    }

    @Test
    void aReportCommittedWhileADrainSendsIsSentByThatDrain() {
        rows.store(1);
        broker.whileSending(1, () -> {
            rows.store(2);
            sender.wake();
        });
        sender.wake();
        assertEquals(List.of(1L, 2L), broker.sent);
    }

    /** The outbox table: rows by ID, parked or not, and each removal transaction's IDs. */
    static final class StoredReports extends Outbox {
        final TreeMap<Long, Boolean> parkedById = new TreeMap<>();
        final List<List<Long>> removals = new ArrayList<>();
        int reads;

        void store(long... ids) {
            for (long id : ids) parkedById.put(id, false);
        }

        Set<Long> ids() {
            return Set.copyOf(parkedById.keySet());
        }

        @Override
        public List<PendingReport> oldest(int max, Set<Long> sent) {
            reads++;
            return waiting(sent).limit(max)
                    .map(id -> new PendingReport(id, "exec-" + id, "RunResult", String.valueOf(id))).toList();
        }

        @Override
        public void remove(List<Long> ids) {
            removals.add(List.copyOf(ids));
            ids.forEach(parkedById::remove);
        }

        @Override
        public void park(long id, long now) {
            parkedById.put(id, true);
        }

        @Override
        public long size(Set<Long> sent) {
            return waiting(sent).count();
        }

        /** IDs of the rows neither parked nor in {@code sent}, oldest first. */
        private Stream<Long> waiting(Set<Long> sent) {
            return parkedById.entrySet().stream().filter(e -> !e.getValue() && !sent.contains(e.getKey()))
                    .map(Map.Entry::getKey);
        }

        @Override
        public long parked() {
            return parkedById.values().stream().filter(p -> p).count();
        }
    }

    /** A broker that takes every report except those it refuses, and stays reachable. */
    static final class Broker extends OrchestratorLink {
        final List<Long> sent = new ArrayList<>();
        private final Set<Long> refused = new HashSet<>();

        private final Map<Long, Runnable> during = new HashMap<>();

        void refuse(long id) {
            refused.add(id);
        }

        /** Runs {@code action} while report {@code id} is being sent (as a commit on another thread would). */
        void whileSending(long id, Runnable action) {
            during.put(id, action);
        }

        /** The stored body is the report's ID. */
        @Override
        public void sendEncoded(String type, String body) {
            long id = Long.parseLong(body);
            Runnable action = during.remove(id);
            if (action != null) action.run();
            if (refused.contains(id)) throw new IllegalStateException("AMQ229000: refused");
            sent.add(id);
        }

        @Override
        public boolean isReachable() {
            return true;
        }
    }

    /** Drains run on the caller's thread, so each call above returns once its drain is done. */
    static final class Threads extends NodeThreads {
        final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        private final ExecutorService inline = new AbstractExecutorService() {
            @Override
            public void execute(Runnable task) {
                task.run();
            }

            @Override
            public void shutdown() {
            }

            @Override
            public List<Runnable> shutdownNow() {
                return List.of();
            }

            @Override
            public boolean isShutdown() {
                return false;
            }

            @Override
            public boolean isTerminated() {
                return false;
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) {
                return true;
            }
        };

        @Override
        public ExecutorService work() {
            return inline;
        }

        @Override
        public ScheduledExecutorService timers() {
            return timers;
        }
    }
}
