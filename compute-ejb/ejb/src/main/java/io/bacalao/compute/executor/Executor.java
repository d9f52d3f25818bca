package io.bacalao.compute.executor;

import io.bacalao.domain.model.Job;
import java.util.Optional;

/**
 * Runs executions of one engine ({@link #engine()}, the Engine.Type it serves). {@link #run} blocks until the
 * execution ends; a runtime failure (not a non-zero exit code) throws {@link ExecutionFailure}. The caller may
 * {@link #prepare} a job while it fetches the inputs, and calls {@link #cleanUp} once the outcome is reported,
 * however the run ended.
 */
public interface Executor {
    String engine();

    /** Whether this node can run the engine at all (e.g. a Docker engine answers); uninstalled engines are not offered. */
    default boolean isInstalled() {
        return true;
    }

    /** Why this node cannot run the job, checked when bidding; empty when it can. */
    default Optional<String> refusal(Job job) {
        return Optional.empty();
    }

    /**
     * What can be done for {@code job} before its inputs are ready (e.g. making sure its image is on the node), so
     * that it overlaps with fetching them. Optional: {@link #run} does whatever this did not.
     */
    default void prepare(Job job) throws ExecutionFailure {
    }

    ExecutionOutcome run(ExecutionRequest request) throws ExecutionFailure;

    /**
     * Frees what a run of {@code executionId} left on the node (e.g. its stopped container), off the critical path:
     * the caller calls it after the outcome is reported, whether {@link #run} returned or threw. Never throws.
     */
    default void cleanUp(String executionId) {
    }

    /** Called once at node start-up, before any run: clean up what a crashed previous run left (containers…). */
    default void recover() {
    }

    /** Stops a running execution; {@link #run} then returns or throws promptly. */
    void cancel(String executionId);
}
