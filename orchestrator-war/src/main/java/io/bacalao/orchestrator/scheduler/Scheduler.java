package io.bacalao.orchestrator.scheduler;

/**
 * Decides what should happen to one job, as a pure function of a snapshot. It writes nothing and talks to
 * nobody: the plan applier commits the returned plan, or rejects it as stale.
 */
public interface Scheduler {
    Plan process(SchedulingContext context);
}
