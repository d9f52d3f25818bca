package io.bacalao.compute.executor;

import io.bacalao.domain.model.Job;
import java.util.Optional;

/**
 * Runs executions of one engine ({@link #engine()}, the Engine.Type it serves). {@link #run} blocks until the
 * execution ends; a runtime failure (not a non-zero exit code) throws {@link ExecutionFailure}.
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

    ExecutionOutcome run(ExecutionRequest request) throws ExecutionFailure;

    /** Called once at node start-up, before any run: clean up what a crashed previous run left (containers…). */
    default void recover() {
    }

    /** Stops a running execution; {@link #run} then returns or throws promptly. */
    void cancel(String executionId);
}
