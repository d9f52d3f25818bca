package io.bacalao.orchestrator.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.bacalao.domain.model.ComputeState;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.JobStateType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Fluent checks on a plan: new executions, updates of existing ones, job state, events and follow-ups. */
public final class PlanAssert {
    private final Plan plan;
    private final SchedulingContext ctx;

    PlanAssert(Plan plan, SchedulingContext ctx) {
        this.plan = plan;
        this.ctx = ctx;
    }

    public Plan plan() {
        return plan;
    }

    public List<Execution> newExecutions() {
        return plan.newExecutions();
    }

    // ---- new executions

    public PlanAssert newExecutions(int expected) {
        assertEquals(expected, plan.newExecutions().size(), () -> "new executions in " + plan);
        return this;
    }

    public PlanAssert onDistinctNodes() {
        Set<String> nodes = plan.newExecutions().stream().map(Execution::nodeId).collect(Collectors.toSet());
        assertEquals(plan.newExecutions().size(), nodes.size(), "each new execution on its own node");
        return this;
    }

    public PlanAssert partitions(Integer... expected) {
        List<Integer> actual = plan.newExecutions().stream().map(Execution::partitionIndex).sorted().toList();
        assertEquals(Arrays.stream(expected).sorted().toList(), actual, "partitions of the new executions");
        return this;
    }

    public PlanAssert placedOn(String... nodeIds) {
        Set<String> actual = plan.newExecutions().stream().map(Execution::nodeId).collect(Collectors.toSet());
        assertEquals(Set.of(nodeIds), actual, "nodes of the new executions");
        return this;
    }

    public PlanAssert notPlacedOn(String nodeId) {
        assertTrue(plan.newExecutions().stream().noneMatch(e -> e.nodeId().equals(nodeId)), nodeId + " got work");
        return this;
    }

    /** Every new execution is New, of the current job version, from this evaluation, with the given desired state. */
    public PlanAssert newExecutionsDesired(DesiredStateType desired) {
        for (Execution e : plan.newExecutions()) {
            assertEquals(desired, e.desired(), "desired state of " + e.id());
            assertEquals(ExecutionStateType.New, e.state(), "compute state of " + e.id());
            assertEquals(ctx.job().version(), e.jobVersion(), "job version of " + e.id());
            assertEquals(ctx.evaluation().id(), e.evalId(), "evaluation of " + e.id());
        }
        return this;
    }

    /** Each new execution has the Scheduling event "Requested execution on n-xxxxxxxx" with its NodeID. */
    public PlanAssert withRequestedEvents() {
        for (Execution e : plan.newExecutions()) {
            Event event = executionEvent(e.id());
            assertEquals(EventTopics.SCHEDULING, event.topic());
            assertEquals("Requested execution on " + Ids.shortId(e.nodeId()), event.message());
            assertEquals(e.nodeId(), event.details().get("NodeID"));
            assertEquals(ctx.now(), event.timestamp());
        }
        return this;
    }

    // ---- updates of existing executions

    public PlanAssert updates(int expected) {
        assertEquals(expected, plan.updates().size(), () -> "updates in " + plan.updates());
        return this;
    }

    public PlanAssert noUpdates() {
        return updates(0);
    }

    public ExecutionUpdate update(String executionId) {
        return plan.updates().stream().filter(u -> u.executionId().equals(executionId)).findFirst()
                .orElseGet(() -> fail("no update of " + executionId + " in " + plan.updates()));
    }

    public PlanAssert notUpdated(String executionId) {
        assertTrue(plan.updates().stream().noneMatch(u -> u.executionId().equals(executionId)),
                executionId + " was updated");
        return this;
    }

    /** Desired Stopped with the reason; observed state set to {@code observed} with the same reason; event too. */
    public PlanAssert stopped(String executionId, ExecutionStateType observed, String reason) {
        ExecutionUpdate u = update(executionId);
        assertEquals(DesiredState.of(DesiredStateType.Stopped, reason), u.desired(), "desired state of " + executionId);
        assertEquals(new ComputeState(observed, reason), u.compute(), "compute state of " + executionId);
        assertEquals(Event.of(EventTopics.EXECUTION, reason, ctx.now()), u.event(), "event of " + executionId);
        return this;
    }

    /** Stopped as above, with an event of its own topic (a timeout) carrying the same message. */
    public PlanAssert stopped(String executionId, ExecutionStateType observed, String reason, String eventTopic) {
        ExecutionUpdate u = update(executionId);
        assertEquals(DesiredState.of(DesiredStateType.Stopped, reason), u.desired(), "desired state of " + executionId);
        assertEquals(new ComputeState(observed, reason), u.compute(), "compute state of " + executionId);
        assertEquals(eventTopic, u.event().topic(), "event topic of " + executionId);
        assertEquals(reason, u.event().message(), "event of " + executionId);
        return this;
    }

    /** The bid is approved: desired Running, observed BidAccepted, event Execution "Running". */
    public PlanAssert approved(String executionId) {
        ExecutionUpdate u = update(executionId);
        assertEquals(DesiredStateType.Running, u.desired().stateType(), "desired state of " + executionId);
        assertEquals(ExecutionStateType.BidAccepted, u.compute().stateType(), "compute state of " + executionId);
        assertEquals(Event.of(EventTopics.EXECUTION, EventTopics.RUNNING, ctx.now()), u.event());
        return this;
    }

    // ---- job

    public PlanAssert jobUnchanged() {
        assertNull(plan.newJobState(), () -> "job state changed to " + plan.newJobState());
        return this;
    }

    public PlanAssert jobState(JobStateType type, String message) {
        assertNotNull(plan.newJobState(), "job state unchanged");
        assertEquals(type, plan.newJobState().stateType(), () -> "job state, message: " + plan.newJobState().message());
        assertEquals(message, plan.newJobState().message(), "job state message");
        return this;
    }

    /** The new job state explains, in its "Why" detail, why it does not fit (lines joined by newlines). */
    public PlanAssert why(String... lines) {
        assertNotNull(plan.newJobState(), "job state unchanged");
        assertEquals(String.join("\n", lines), plan.newJobState().details().get("Why"), "State.Details.Why");
        return this;
    }

    /** A job-level history entry with this topic and message. */
    public PlanAssert jobEvent(String topic, String message) {
        List<Event> events = plan.events().stream().filter(p -> p.executionId().isEmpty()).map(PlannedEvent::event)
                .toList();
        assertTrue(events.stream().anyMatch(e -> e.topic().equals(topic) && e.message().equals(message)),
                () -> "no job event " + topic + " \"" + message + "\" in " + events);
        return this;
    }

    public PlanAssert noJobEvents() {
        assertTrue(plan.events().stream().noneMatch(p -> p.executionId().isEmpty()),
                () -> "job events " + plan.events());
        return this;
    }

    // ---- follow-up evaluations

    public PlanAssert followUp(String trigger, Duration delay) {
        assertEquals(1, plan.followUps().size(), () -> "follow-ups " + plan.followUps());
        Evaluation e = plan.followUps().get(0);
        assertEquals(trigger, e.triggeredBy(), "follow-up trigger");
        assertEquals(ctx.job().id(), e.jobId(), "follow-up job");
        assertEquals(delay, Duration.ofNanos(e.waitUntil() - ctx.nowNanos()), "follow-up delay");
        return this;
    }

    public PlanAssert noFollowUps() {
        assertEquals(List.of(), plan.followUps(), "follow-ups");
        return this;
    }

    private Event executionEvent(String executionId) {
        List<Event> events = plan.events().stream().filter(p -> p.executionId().equals(executionId))
                .map(PlannedEvent::event).toList();
        assertEquals(1, events.size(), () -> "events of " + executionId + ": " + events);
        return events.get(0);
    }
}
