package io.bacalao.orchestrator.store;

import java.util.function.Supplier;

/**
 * One stored item of a job as a sweep reads it: the value, or why its row could not be read. Lets a sweep
 * go on with every other row and deal with the bad one (fail its job) instead of failing as a whole.
 */
public record Stored<T>(String jobId, T value, RuntimeException failure) {
    static <T> Stored<T> read(String jobId, Supplier<T> reader) {
        try {
            return new Stored<>(jobId, reader.get(), null);
        } catch (RuntimeException e) {
            return new Stored<>(jobId, null, e);
        }
    }

    public boolean isReadable() {
        return failure == null;
    }
}
