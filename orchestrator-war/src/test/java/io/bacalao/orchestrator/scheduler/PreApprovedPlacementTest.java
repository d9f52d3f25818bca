package io.bacalao.orchestrator.scheduler;

import static io.bacalao.domain.model.ExecutionStateType.AskForBid;
import static io.bacalao.domain.model.ExecutionStateType.AskForBidAccepted;
import static io.bacalao.domain.model.ExecutionStateType.AskForBidRejected;
import static io.bacalao.domain.model.ExecutionStateType.BidAccepted;
import static io.bacalao.domain.model.ExecutionStateType.Cancelled;
import static io.bacalao.domain.model.ExecutionStateType.Completed;
import static io.bacalao.domain.model.ExecutionStateType.New;
import static io.bacalao.domain.model.ExecutionStateType.Running;
import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.nodeId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.JobStateType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pre-approved placements ({@code Orchestrator.Scheduler.PreApprovedPlacements}; docs/state-writer.md): batch and
 * service executions are created to run, and their node's acceptance is recorded as the approval the API shows
 * (BidAccepted, the execution's "Running" event, the job Running) once; a rejection is handled as before.
 */
class PreApprovedPlacementTest {

    private static Scenario submitted(JobBuilder job, int nodes) {
        return Scenario.given(job).nodes(nodes).preApprovedPlacements();
    }

    private static Scenario afterReport(JobBuilder job, ExecutionBuilder... executions) {
        return Scenario.given(job).nodes(3).executions(executions).triggeredBy(EvaluationTrigger.EXEC_UPDATE)
                .preApprovedPlacements();
    }

    @Test
    void batchPlacementsAreCreatedToRunAndTheJobWaitsForTheirNodes() {
        PlanAssert plan = submitted(aJob().count(2), 3).schedule()
                .newExecutions(2).onDistinctNodes().partitions(0, 1).newExecutionsDesired(DesiredStateType.Running)
                .withRequestedEvents().noUpdates().jobUnchanged().noJobEvents();
        for (var e : plan.newExecutions()) assertEquals(Execution.PRE_APPROVED, e.desiredState().message());
    }

    @Test
    void servicePlacementsAreCreatedToRun() {
        submitted(aJob().type("service").count(2), 2).schedule()
                .newExecutions(2).newExecutionsDesired(DesiredStateType.Running).jobUnchanged();
    }

    @Test
    void switchedOffPlacementsWaitForTheirBid() {
        Scenario.given(aJob()).nodes(2).schedule()
                .newExecutions(1).newExecutionsDesired(DesiredStateType.Pending).jobUnchanged();
    }

    @Test
    void theNodesAcceptanceIsRecordedAsTheApprovalAndTheJobRuns() {
        var accepted = anExecution(1).onNode(1).partition(0).state(AskForBidAccepted).preApproved();
        PlanAssert plan = afterReport(aJob(), accepted).schedule()
                .newExecutions(0).updates(1).approved(accepted.id())
                .jobState(JobStateType.Running, "").jobEvent(EventTopics.STATE_UPDATE, "Running").noFollowUps();
        assertEquals(PartitionScheduler.APPROVED, plan.update(accepted.id()).desired().message());
        Event stateUpdate = plan.plan().events().stream().filter(e -> e.executionId().isEmpty()).findFirst()
                .orElseThrow().event();
        assertEquals("Running", stateUpdate.details().get(Event.DETAIL_NEW_STATE));
    }

    @Test
    void anAcceptanceLearnedOnlyFromARunningReportIsRecordedWithoutMovingItBack() {
        var running = anExecution(1).onNode(1).partition(0).state(Running).preApproved();
        PlanAssert plan = afterReport(aJob(), running).schedule()
                .newExecutions(0).updates(1).jobState(JobStateType.Running, "");
        ExecutionUpdate u = plan.update(running.id());
        assertEquals(DesiredStateType.Running, u.desired().stateType());
        assertEquals(PartitionScheduler.APPROVED, u.desired().message());
        assertNull(u.compute(), "a recorded approval moved the observed state");
        assertEquals(Event.of(EventTopics.EXECUTION, EventTopics.RUNNING, Scenario.NOW), u.event());
    }

    @Test
    void aJobWhoseOnlyRunReportedJustItsResultRunsThenCompletes() {
        var done = anExecution(1).onNode(1).partition(0).state(Completed).desired(DesiredStateType.Stopped);
        PlanAssert plan = afterReport(aJob(), done).schedule()
                .newExecutions(0).noUpdates().jobState(JobStateType.Completed, "");
        List<String> newStates = plan.plan().events().stream().filter(e -> e.executionId().isEmpty())
                .map(e -> e.event().details().get(Event.DETAIL_NEW_STATE)).toList();
        assertEquals(List.of("Running", "Completed"), newStates, "the job's state updates");
    }

    @Test
    void aRecordedApprovalIsNotRecordedAgain() {
        var approved = anExecution(1).onNode(1).partition(0).state(BidAccepted);
        afterReport(aJob().state(JobStateType.Running), approved).schedule()
                .newExecutions(0).noUpdates().jobUnchanged().noJobEvents();
    }

    @Test
    void aPlacementTheNodeHasNotAnsweredChangesNothing() {
        var asked = anExecution(1).onNode(1).partition(0).state(New).preApproved();
        var asking = anExecution(2).onNode(2).partition(1).state(AskForBid).preApproved();
        afterReport(aJob().count(2), asked, asking).schedule()
                .newExecutions(0).noUpdates().jobUnchanged().noJobEvents().noFollowUps();
    }

    @Test
    void aRejectedPlacementIsPlacedElsewhereAndPreApprovedAgain() {
        var rejected = anExecution(1).onNode(1).partition(0).state(AskForBidRejected);
        afterReport(aJob(), rejected).schedule()
                .newExecutions(1).partitions(0).notPlacedOn(nodeId(1)).newExecutionsDesired(DesiredStateType.Running)
                .noUpdates().jobUnchanged();
    }

    @Test
    void aSecondPartitionsAcceptanceLeavesARunningJobAlone() {
        var p0 = anExecution(1).onNode(1).partition(0).state(Running);
        var p1 = anExecution(2).onNode(2).partition(1).state(AskForBidAccepted).preApproved();
        afterReport(aJob().count(2).state(JobStateType.Running), p0, p1).schedule()
                .updates(1).approved(p1.id()).jobUnchanged().noJobEvents();
    }

    @Test
    void aLateAcceptedBidOfAPartitionAlreadyTakenIsRejected() {
        var keeper = anExecution(1).onNode(1).partition(0).state(AskForBidAccepted).preApproved();
        var waiting = anExecution(2).onNode(2).partition(0).state(AskForBidAccepted);
        afterReport(aJob(), keeper, waiting).schedule()
                .approved(keeper.id())
                .stopped(waiting.id(), ExecutionStateType.BidRejected, "Execution stop requested because node has been rejected");
    }

    @Test
    void anAcceptanceAfterTheLastPartitionCompletedIsCancelled() {
        var done = anExecution(1).onNode(1).partition(0).state(Completed);
        var late = anExecution(2).onNode(2).partition(0).state(AskForBidAccepted).preApproved();
        afterReport(aJob().state(JobStateType.Running), done, late).schedule()
                .newExecutions(0).stopped(late.id(), Cancelled, StopReasons.TOO_MANY).jobState(JobStateType.Completed, "");
    }
}
