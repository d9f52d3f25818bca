package io.bacalao.orchestrator.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs at most {@code permits} writes at once, first come first served. The API's job writes (submit, update, stop,
 * rerun) go through one gate sized by {@code Orchestrator.API.ConcurrentWrites}: without it, more submits than the
 * orchestrator completes would fill every HTTP thread with a job store transaction and leave the inbox consumers,
 * which apply the nodes' reports, a small share of the CPU and the store, so that jobs stop completing while submits
 * pile up (docs/orchestrator-performance.md, "Overload"). A write that finds a permit free and nobody waiting runs at
 * once on its caller's thread; one that has to wait is queued and later run on a writer thread of the gate's own, so
 * that the caller (an HTTP thread, which answers when the future completes) is free meanwhile and reads are served
 * while writes queue. A gate of 0 permits runs every write at once on its caller's thread.
 *
 * <p>Contract: the future completes with the write's result or with what it threw (a {@code RuntimeException} or
 * {@code Error}, never wrapped), or, once the gate is closed, with a {@code RejectedExecutionException}; a write is
 * started at most once; a queued write runs outside any transaction of its caller's; writer threads that have had
 * nothing to do for a minute end, so an idle orchestrator holds none.
 */
final class WriteGate implements AutoCloseable {
    private final Semaphore permits;
    private final AtomicInteger queued = new AtomicInteger();
    private final ThreadPoolExecutor writers;

    WriteGate(int permits, ThreadFactory threads) {
        if (permits <= 0) {
            this.permits = null;
            writers = null;
            return;
        }
        this.permits = new Semaphore(permits, true);
        writers = new ThreadPoolExecutor(permits, permits, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
        writers.allowCoreThreadTimeOut(true);
    }

    /** {@code write}, run once one of the permits is free. */
    <T> CompletableFuture<T> through(Supplier<T> write) {
        CompletableFuture<T> done = new CompletableFuture<>();
        if (permits == null) {
            run(write, done);
            return done;
        }
        if (queued.get() == 0 && permits.tryAcquire()) {
            try {
                run(write, done);
            } finally {
                permits.release();
            }
            return done;
        }
        queued.incrementAndGet();
        try {
            writers.execute(() -> {
                permits.acquireUninterruptibly();
                queued.decrementAndGet();
                try {
                    run(write, done);
                } finally {
                    permits.release();
                }
            });
        } catch (RejectedExecutionException closed) {
            queued.decrementAndGet();
            done.completeExceptionally(closed);
        }
        return done;
    }

    private static <T> void run(Supplier<T> write, CompletableFuture<T> done) {
        try {
            done.complete(write.get());
        } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
        }
    }

    /** Writes already queued still run; later ones are refused. */
    @Override
    public void close() {
        if (writers != null) writers.shutdown();
    }
}
