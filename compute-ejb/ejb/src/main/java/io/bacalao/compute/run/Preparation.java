package io.bacalao.compute.run;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Work that overlaps with fetching an execution's inputs (the executor's {@code prepare}, e.g. pulling the image), run
 * on a pool thread. It is optional work: when the inputs are ready, {@link #await} waits for it only if a thread has
 * taken it up, and otherwise claims it so that it never runs. A runner therefore never waits for a task queued
 * behind itself on a saturated pool; the executor's run does whatever was skipped.
 */
final class Preparation {
    /** Work that may fail; its failure is not reported here (the executor's run repeats the step and reports it). */
    interface Step {
        void run() throws Exception;
    }

    private final AtomicBoolean claimed = new AtomicBoolean();
    private final Future<?> task;

    private Preparation(ExecutorService pool, Step step) {
        task = pool.submit(() -> {
            if (claimed.compareAndSet(false, true)) step.run();
            return null;
        });
    }

    static Preparation start(ExecutorService pool, Step step) {
        return new Preparation(pool, step);
    }

    /** Returns once the step has ended, or at once when no thread had started it (it then never runs). */
    void await() {
        if (claimed.compareAndSet(false, true)) {
            task.cancel(false);
            return;
        }
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException failed) {
            // the executor's run repeats the step and reports its failure
        }
    }
}
