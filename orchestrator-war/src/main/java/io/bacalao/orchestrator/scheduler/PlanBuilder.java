package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.ComputeState;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.JobState;
import io.bacalao.domain.model.JobStateType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects a scheduler's decisions; also tracks the state each execution will have once the plan applies. */
final class PlanBuilder {
    private final SchedulingContext ctx;
    private final List<Execution> newExecutions = new ArrayList<>();
    private final Map<String, ExecutionUpdate> updates = new HashMap<>();
    private final List<Evaluation> followUps = new ArrayList<>();
    private final List<PlannedEvent> events = new ArrayList<>();
    private JobState newJobState;

    private final Map<String, Execution> originals = new HashMap<>();

    PlanBuilder(SchedulingContext ctx) {
        this.ctx = ctx;
        for (Execution e : ctx.executions()) originals.put(e.id(), e);
    }

    void create(Execution e, Event event) {
        newExecutions.add(e);
        if (event != null) events.add(PlannedEvent.execution(e.id(), event));
    }

    /**
     * Changes an existing execution; {@code e} may be the snapshot's execution or its {@link #planned} form,
     * the update always expects the snapshot's revision.
     */
    void update(Execution e, DesiredState desired, ComputeState compute, Event event) {
        Execution original = originals.getOrDefault(e.id(), e);
        updates.put(e.id(), new ExecutionUpdate(e.id(), original.revision(), desired, compute, event));
    }

    /** Stops an execution: desired Stopped and, unless it already ended, the given observed state. */
    void stop(Execution e, ExecutionStateType observed, String reason) {
        stop(e, observed, reason, Event.of(EventTopics.EXECUTION, reason, ctx.now()));
    }

    /** Stops an execution with its own history event (a timeout, say). */
    void stop(Execution e, ExecutionStateType observed, String reason, Event event) {
        Execution original = originals.getOrDefault(e.id(), e);
        ComputeState compute = original.state().isTerminal() ? null : new ComputeState(observed, reason);
        update(e, DesiredState.of(DesiredStateType.Stopped, reason), compute, event);
    }

    boolean isUpdated(Execution e) {
        return updates.containsKey(e.id());
    }

    /** The execution as it will be once this plan applies (desired/observed states only). */
    Execution planned(Execution e) {
        ExecutionUpdate u = updates.get(e.id());
        if (u == null) return e;
        Execution original = originals.getOrDefault(e.id(), e);
        return original.transition(u.desired(), u.compute() == null ? original.computeState() : u.compute(),
                original.modifyTime());
    }

    void jobState(JobStateType type, String message, Event event) {
        jobState(new JobState(type, message, null), event);
    }

    /** Sets the job's state (with its message and details); {@code event}, when present, goes to its history. */
    void jobState(JobState state, Event event) {
        newJobState = state;
        if (event != null) events.add(PlannedEvent.job(event));
    }

    /** The job's state once this plan applies. */
    JobState jobStateAfter() {
        return newJobState != null ? newJobState : ctx.job().state();
    }

    boolean jobFailed() {
        return jobStateType() == JobStateType.Failed;
    }

    boolean hasFollowUp(String trigger) {
        return followUps.stream().anyMatch(e -> e.triggeredBy().equals(trigger));
    }

    JobStateType jobStateType() {
        return newJobState != null ? newJobState.stateType() : ctx.job().state().stateType();
    }

    void jobEvent(Event event) {
        events.add(PlannedEvent.job(event));
    }

    void followUp(Evaluation e) {
        followUps.add(e);
    }

    /** Whether this plan creates an execution that runs without a bid round (ops, daemon). */
    boolean createsRunning() {
        return newExecutions.stream().anyMatch(e -> e.desired() == DesiredStateType.Running);
    }

    List<Execution> newExecutions() {
        return newExecutions;
    }

    Plan build() {
        return new Plan(ctx.evaluation(), ctx.job().id(), ctx.job().revision(), newExecutions,
                List.copyOf(updates.values()), newJobState, followUps, events);
    }
}
