package io.bacalao.domain.runtime;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * A full collection whenever a node has gone quiet after its heap grew. The serial collector (a node's default,
 * docs/node-footprint.md) gives heap back only at a full collection, which a node that has finished a burst of work
 * may never have again: without this an orchestrator kept for good the ~55 MiB of heap that 1,500 noop jobs grew
 * (docs/node-footprint.md).
 *
 * <p>Grown: the committed heap is at least {@link #GROWTH_BYTES} above what it was at the first check after the
 * latest full collection, whoever made it ({@link SettledStartGc}, this rule, another application's copy of it in the
 * same JVM). Quiet: at most one young collection and no full one during the last {@link #QUIET_CHECKS} checks, i.e.
 * the node allocates less than about one young generation per half minute. So a burst costs one full collection
 * once it is over, and a node whose heap does not grow never collects. Only under the serial collector: the others
 * give heap back by their own rules, and a user who chose one keeps them.
 */
public final class QuietHeapGc implements Runnable {
    static final int QUIET_CHECKS = 6;
    static final long CHECK_SECONDS = 5;
    static final long GROWTH_BYTES = 16L << 20;
    private static final String SERIAL_YOUNG = "Copy";
    private static final String SERIAL_FULL = "MarkSweepCompact";
    private static final Logger LOG = Logger.getLogger(QuietHeapGc.class.getName());

    private final LongSupplier youngCollections;
    private final LongSupplier fullCollections;
    private final LongSupplier committedHeap;
    private final Runnable collect;
    /** Young collections counted at each of the last {@link #QUIET_CHECKS} + 1 checks, oldest first. */
    private final long[] recent = new long[QUIET_CHECKS + 1];
    private int checks;
    private long seenFull = -1;
    private long baseline;

    QuietHeapGc(LongSupplier youngCollections, LongSupplier fullCollections, LongSupplier committedHeap, Runnable collect) {
        this.youngCollections = youngCollections;
        this.fullCollections = fullCollections;
        this.committedHeap = committedHeap;
        this.collect = collect;
    }

    /** Checks every {@value #CHECK_SECONDS} s on {@code scheduler} while the JVM runs the serial collector. */
    public static void schedule(ScheduledExecutorService scheduler) {
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        Optional<GarbageCollectorMXBean> young = gcs.stream().filter(g -> g.getName().equals(SERIAL_YOUNG)).findFirst();
        Optional<GarbageCollectorMXBean> full = gcs.stream().filter(g -> g.getName().equals(SERIAL_FULL)).findFirst();
        if (young.isEmpty() || full.isEmpty()) return;
        QuietHeapGc gc = new QuietHeapGc(young.get()::getCollectionCount, full.get()::getCollectionCount,
                SettledStartGc::committedHeap, System::gc);
        scheduler.scheduleWithFixedDelay(gc, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    /** One check; true when it collected. */
    synchronized boolean check() {
        long full = fullCollections.getAsLong();
        if (full != seenFull) {
            seenFull = full;
            baseline = committedHeap.getAsLong();
            checks = 0;
        }
        System.arraycopy(recent, 1, recent, 0, QUIET_CHECKS);
        recent[QUIET_CHECKS] = youngCollections.getAsLong();
        if (++checks <= QUIET_CHECKS || recent[QUIET_CHECKS] - recent[0] > 1) return false;
        long before = committedHeap.getAsLong();
        if (before < baseline + GROWTH_BYTES) return false;
        collect.run();
        LOG.info(() -> "quiet after its heap grew: one full collection took the committed heap from "
                + (before >> 20) + " MiB to " + (committedHeap.getAsLong() >> 20) + " MiB");
        return true;
    }

    @Override
    public void run() {
        check();
    }
}
