package io.bacalao.compute.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Report IDs increase in the order they are handed out, across blocks and threads, and none comes twice. */
class ReportIdsTest {
    /** The store's counter: the last ID reserved, as COMPUTE_ID_BLOCKS keeps it. */
    private static final class Blocks extends ReportIdBlocks {
        long last;
        int reserved;

        Blocks(long last) {
            this.last = last;
        }

        @Override
        public synchronized long reserve(int size) {
            reserved++;
            last += size;
            return last;
        }
    }

    @Test
    void idsGoOnAboveWhatTheStoreHadReservedAndIntoTheNextBlock() {
        Blocks store = new Blocks(100);
        ReportIds ids = new ReportIds(store);
        List<Long> handedOut = new ArrayList<>();
        for (int i = 0; i < ReportIds.BLOCK + 2; i++) handedOut.add(ids.next());
        assertEquals(101L, handedOut.getFirst(), "the first ID above those an earlier process reserved");
        for (int i = 1; i < handedOut.size(); i++) assertEquals(handedOut.get(i - 1) + 1, handedOut.get(i));
        assertEquals(2, store.reserved, "a block per " + ReportIds.BLOCK + " IDs");
    }

    @Test
    void aNewProcessStartsAboveEveryIdTheLastOneReserved() {
        Blocks store = new Blocks(0);
        ReportIds before = new ReportIds(store);
        long lastUsed = before.next();
        assertTrue(new ReportIds(store).next() > lastUsed + ReportIds.BLOCK - 1,
                "the rest of the earlier process's block is skipped, never handed out again");
    }

    @Test
    void threadsTakingIdsAtOnceEachGetIncreasingIdsAndNoneTwice() throws Exception {
        ReportIds ids = new ReportIds(new Blocks(0));
        int threads = 8;
        int each = 3 * ReportIds.BLOCK;
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Long> all = new ConcurrentLinkedQueue<>();
        List<Thread> started = new ArrayList<>();
        List<AssertionError> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            started.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    long previous = 0;
                    for (int i = 0; i < each; i++) {
                        long id = ids.next();
                        if (id <= previous) failures.add(new AssertionError(id + " after " + previous));
                        previous = id;
                        all.add(id);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread t : started) t.join();
        assertEquals(List.of(), failures, "a thread's second ID lower than its first");
        Set<Long> distinct = new HashSet<>(all);
        assertEquals(threads * each, distinct.size(), "an ID handed out twice");
    }
}
