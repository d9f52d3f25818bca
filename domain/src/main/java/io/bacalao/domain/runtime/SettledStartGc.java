package io.bacalao.domain.runtime;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * One full collection once a node's start-up has settled, so that the heap its deployments grew is given back.
 * The serial collector (a node's default, docs/node-footprint.md) shrinks the heap only after a full collection,
 * which an idle node never has: without this a compute node kept ~150 MB committed for ~65 MB live. With
 * {@code -XX:-ShrinkHeapInSteps} the one collection shrinks the heap to {@code MaxHeapFreeRatio} at once.
 *
 * <p>Settled means the JVM loaded no class for {@link #QUIET_CHECKS} consecutive checks one second apart: every
 * deployment loads classes until the node's last application is up. It collects at most once, and gives up after
 * {@link #MAX_CHECKS} checks (a node that keeps loading classes is not idle, and its heap is in use).
 */
public final class SettledStartGc implements Runnable {
    static final int QUIET_CHECKS = 3;
    static final int MAX_CHECKS = 300;
    private static final Logger LOG = Logger.getLogger(SettledStartGc.class.getName());

    private final LongSupplier loadedClasses;
    private final Runnable collect;
    private long lastCount = -1;
    private int quiet;
    private int checks;
    private boolean done;
    private ScheduledFuture<?> task;

    SettledStartGc(LongSupplier loadedClasses, Runnable collect) {
        this.loadedClasses = loadedClasses;
        this.collect = collect;
    }

    /** Checks every second on {@code scheduler} until it has collected or given up. */
    public static void schedule(ScheduledExecutorService scheduler) {
        SettledStartGc gc = new SettledStartGc(ManagementFactory.getClassLoadingMXBean()::getTotalLoadedClassCount,
                System::gc);
        synchronized (gc) {
            gc.task = scheduler.scheduleWithFixedDelay(gc, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** One check; true once this has collected or given up (later calls do nothing). */
    synchronized boolean check() {
        if (done) return true;
        long count = loadedClasses.getAsLong();
        quiet = count == lastCount ? quiet + 1 : 0;
        lastCount = count;
        if (quiet >= QUIET_CHECKS) {
            long before = committedHeap();
            collect.run();
            LOG.fine(() -> "start-up settled: heap committed " + before / (1 << 20) + " MiB before one full collection, "
                    + committedHeap() / (1 << 20) + " MiB after it");
            done = true;
        } else if (++checks >= MAX_CHECKS) {
            done = true;
        }
        return done;
    }

    @Override
    public synchronized void run() {
        if (check() && task != null) task.cancel(false);
    }

    static long committedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }
}
