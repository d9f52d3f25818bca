package io.bacalao.compute.executor;

/** How a run ended: the process exit code (non-zero is still a completed run). */
public record ExecutionOutcome(int exitCode) {
}
