package io.bacalao.broker.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Assembles a batch from a queue: waits for a first message, then takes more until the batch holds
 * {@code maxSize} messages or {@code window} has passed since the first one arrived; once the window is over it
 * still takes what has already arrived (without waiting), up to {@code maxSize}. A batch size of 1 takes each
 * message on its own. The window bounds the latency a message gains by waiting for neighbours (milliseconds);
 * the size bounds the transaction that applies the batch (locks held, rows written).
 */
public final class BatchDrain {
    /** Where messages come from: the next one within {@code timeoutMillis} (0: only one already here), or null. */
    @FunctionalInterface
    public interface Source<T> {
        T receive(long timeoutMillis);
    }

    private final int maxSize;
    private final long windowNanos;
    private final LongSupplier nanoTime;

    /** {@code nanoTime}: a monotonic clock in nanoseconds ({@code System::nanoTime}; a fake one in tests). */
    public BatchDrain(int maxSize, Duration window, LongSupplier nanoTime) {
        if (maxSize < 1) throw new IllegalArgumentException("a batch holds at least one message, not " + maxSize);
        if (window.isNegative()) throw new IllegalArgumentException("the batch window cannot be negative: " + window);
        this.maxSize = maxSize;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    public int maxSize() {
        return maxSize;
    }

    /** The next batch: empty when no first message came within {@code firstWaitMillis}. */
    public <T> List<T> next(Source<T> source, long firstWaitMillis) {
        T first = source.receive(Math.max(1, firstWaitMillis));
        if (first == null) return List.of();
        List<T> batch = new ArrayList<>(Math.min(maxSize, 64));
        batch.add(first);
        long deadline = nanoTime.getAsLong() + windowNanos;
        while (batch.size() < maxSize) {
            long left = deadline - nanoTime.getAsLong();
            T next = source.receive(left <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            if (next == null) break;
            batch.add(next);
        }
        return batch;
    }
}
