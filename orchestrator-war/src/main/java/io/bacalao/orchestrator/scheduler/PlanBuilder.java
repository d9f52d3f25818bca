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

    PlanBuilder(SchedulingContext ctx) {
        this.ctx = ctx;
    }

    void create(Execution e, Event event) {
        newExecutions.add(e);
        if (event != null) events.add(PlannedEvent.execution(e.id(), event));
    }

    void update(Execution e, DesiredState desired, ComputeState compute, Event event) {
        updates.put(e.id(), new ExecutionUpdate(e.id(), e.revision(), desired, compute, event));
    }

    /** Stops an execution: desired Stopped and, unless it already ended, the given observed state. */
    void stop(Execution e, ExecutionStateType observed, String reason) {
        ComputeState compute = e.state().isTerminal() ? null : new ComputeState(observed, reason);
        update(e, DesiredState.of(DesiredStateType.Stopped, reason), compute,
                Event.of(EventTopics.EXECUTION, reason, ctx.now()));
    }

    boolean isUpdated(Execution e) {
        return updates.containsKey(e.id());
    }

    /** The execution as it will be once this plan applies (desired/observed states only). */
    Execution planned(Execution e) {
        ExecutionUpdate u = updates.get(e.id());
        if (u == null) return e;
        return e.transition(u.desired(), u.compute() == null ? e.computeState() : u.compute(), e.modifyTime());
    }

    void jobState(JobStateType type, String message, Event event) {
        newJobState = JobState.of(type, message);
        if (event != null) events.add(PlannedEvent.job(event));
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

    List<Execution> newExecutions() {
        return newExecutions;
    }

    Plan build() {
        return new Plan(ctx.evaluation(), ctx.job().id(), ctx.job().revision(), newExecutions,
                List.copyOf(updates.values()), newJobState, followUps, events);
    }
}
