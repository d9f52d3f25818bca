package io.bacalao.orchestrator.messaging;

import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.ComputeState;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.protocol.AskForBid;
import io.bacalao.domain.protocol.BidAccepted;
import io.bacalao.domain.protocol.BidRejected;
import io.bacalao.domain.protocol.CancelExecution;
import io.bacalao.orchestrator.store.ExecutionChange;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Protocol translation: which message a committed execution change means for its node (reference §3.3). */
class ExecutionMessagesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final Job job = aJob().build(NOW);

    private Execution execution(ExecutionStateType state, DesiredStateType desired) {
        return anExecution(1).state(state).desired(desired).build(job, NOW);
    }

    private static Execution move(Execution e, DesiredStateType desired, ExecutionStateType state) {
        return e.transition(DesiredState.of(desired, "why"), new ComputeState(state, "why"), e.modifyTime() + 1);
    }

    @Test
    void aNewExecutionAsksForABid() {
        Execution e = execution(ExecutionStateType.New, DesiredStateType.Pending);
        var m = ExecutionMessages.of(ExecutionChange.created(e, job)).orElseThrow();
        assertEquals(new AskForBid(e.nodeId(), e.withJob(job), false), m);
    }

    @Test
    void aNewExecutionCreatedToRunIsPreApproved() {
        Execution e = execution(ExecutionStateType.New, DesiredStateType.Running);
        var m = (AskForBid) ExecutionMessages.of(ExecutionChange.created(e, job)).orElseThrow();
        assertTrue(m.preApproved());
    }

    @Test
    void anApprovedBidIsAccepted() {
        Execution before = execution(ExecutionStateType.AskForBidAccepted, DesiredStateType.Pending);
        Execution after = move(before, DesiredStateType.Running, ExecutionStateType.BidAccepted);
        assertEquals(Optional.of(new BidAccepted(before.nodeId(), before.id(), job.id())),
                ExecutionMessages.of(ExecutionChange.changed(before, after, job)));
    }

    @Test
    void recordingAPreApprovedExecutionsAcceptanceSendsNothing() {
        Execution before = anExecution(1).state(ExecutionStateType.AskForBidAccepted).preApproved().build(job, NOW);
        Execution after = move(before, DesiredStateType.Running, ExecutionStateType.BidAccepted);
        assertEquals(Optional.empty(), ExecutionMessages.of(ExecutionChange.changed(before, after, job)));
    }

    @Test
    void aPreApprovedExecutionStillWaitingForItsNodeIsAskedAgainPreApproved() {
        Execution e = anExecution(1).state(ExecutionStateType.New).preApproved().build(job, NOW);
        assertEquals(Optional.of(new AskForBid(e.nodeId(), e.withJob(job), true)),
                ExecutionMessages.of(ExecutionChange.awaitingNode(e, job)));
    }

    @Test
    void anotherNodesAcceptedBidIsRejected() {
        Execution before = execution(ExecutionStateType.AskForBidAccepted, DesiredStateType.Pending);
        Execution after = move(before, DesiredStateType.Stopped, ExecutionStateType.BidRejected);
        assertEquals(Optional.of(new BidRejected(before.nodeId(), before.id(), job.id(), "why")),
                ExecutionMessages.of(ExecutionChange.changed(before, after, job)));
    }

    @Test
    void stoppingALiveExecutionCancelsIt() {
        Execution before = execution(ExecutionStateType.Running, DesiredStateType.Running);
        Execution after = move(before, DesiredStateType.Stopped, ExecutionStateType.Cancelled);
        assertEquals(Optional.of(new CancelExecution(before.nodeId(), before.id(), job.id(), "why")),
                ExecutionMessages.of(ExecutionChange.changed(before, after, job)));
    }

    @Test
    void stoppingAFinishedExecutionSendsNothing() {
        Execution before = execution(ExecutionStateType.Completed, DesiredStateType.Running);
        Execution after = before.transition(DesiredState.of(DesiredStateType.Stopped, "why"), before.computeState(),
                before.modifyTime() + 1);
        assertEquals(Optional.empty(), ExecutionMessages.of(ExecutionChange.changed(before, after, job)));
    }

    @Test
    void anExecutionStillWaitingForItsBidIsAskedAgain() {
        Execution e = execution(ExecutionStateType.New, DesiredStateType.Pending);
        assertEquals(Optional.of(new AskForBid(e.nodeId(), e.withJob(job), false)),
                ExecutionMessages.of(ExecutionChange.awaitingNode(e, job)));
    }

    @Test
    void anApprovedExecutionNotYetStartedIsAcceptedAgain() {
        Execution e = execution(ExecutionStateType.BidAccepted, DesiredStateType.Running);
        assertEquals(Optional.of(new BidAccepted(e.nodeId(), e.id(), job.id())),
                ExecutionMessages.of(ExecutionChange.awaitingNode(e, job)));
    }

    @Test
    void aRunningExecutionNeedsNoMessage() {
        Execution e = execution(ExecutionStateType.Running, DesiredStateType.Running);
        assertEquals(Optional.empty(), ExecutionMessages.of(ExecutionChange.awaitingNode(e, job)));
    }
}
