package io.bacalao.orchestrator.scheduler;

import static io.bacalao.domain.model.ExecutionStateType.AskForBid;
import static io.bacalao.domain.model.ExecutionStateType.AskForBidAccepted;
import static io.bacalao.domain.model.ExecutionStateType.Cancelled;
import static io.bacalao.domain.model.ExecutionStateType.BidRejected;
import static io.bacalao.domain.model.ExecutionStateType.Completed;
import static io.bacalao.domain.model.ExecutionStateType.Running;
import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.JobStateType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per partition the oldest accepted bid runs; every other accepted bid is rejected (§3.3 step 4). */
class BatchBidApprovalTest {
    private static final String REJECTED = "Execution stop requested because node has been rejected";

    private static Scenario onThreeNodes(JobBuilder job, ExecutionBuilder... executions) {
        return Scenario.given(job).nodes(3).executions(executions).triggeredBy(EvaluationTrigger.EXEC_UPDATE);
    }

    @Test
    void oldestAcceptedBidIsApprovedAndTheOtherRejected() {
        var newer = anExecution(1).onNode(1).partition(0).state(AskForBidAccepted).modifiedAgo(Duration.ofSeconds(5));
        var older = anExecution(2).onNode(2).partition(0).state(AskForBidAccepted).modifiedAgo(Duration.ofSeconds(9));
        PlanAssert plan = onThreeNodes(aJob(), newer, older).schedule()
                .newExecutions(0).updates(2).approved(older.id()).stopped(newer.id(), BidRejected, REJECTED)
                .jobState(JobStateType.Running, "").jobEvent(EventTopics.STATE_UPDATE, "Running").noFollowUps();
        assertEquals("execution approved", plan.update(older.id()).desired().message());
        Event stateUpdate = plan.plan().events().get(0).event();
        assertEquals("Running", stateUpdate.details().get(Event.DETAIL_NEW_STATE));
    }

    @Test
    void runningPartitionRejectsALateAcceptedBid() {
        var running = anExecution(1).onNode(1).partition(0).state(Running);
        var late = anExecution(2).onNode(2).partition(0).state(AskForBidAccepted);
        onThreeNodes(aJob().state(JobStateType.Running), running, late).schedule()
                .newExecutions(0).updates(1).stopped(late.id(), BidRejected, REJECTED).jobUnchanged().noJobEvents();
    }

    @Test
    void completedPartitionRejectsALateAcceptedBid() {
        var done = anExecution(1).onNode(1).partition(0).state(Completed);
        var late = anExecution(2).onNode(2).partition(0).state(AskForBidAccepted);
        onThreeNodes(aJob().state(JobStateType.Running), done, late).schedule()
                .newExecutions(0).stopped(late.id(), BidRejected, REJECTED).notUpdated(done.id())
                .jobState(JobStateType.Completed, "");
    }

    @Test
    void eachPartitionApprovesItsOwnBid() {
        var p0 = anExecution(1).onNode(1).partition(0).state(AskForBidAccepted);
        var p1 = anExecution(2).onNode(2).partition(1).state(AskForBidAccepted);
        onThreeNodes(aJob().count(2), p0, p1).schedule()
                .newExecutions(0).updates(2).approved(p0.id()).approved(p1.id()).jobState(JobStateType.Running, "");
    }

    @Test
    void secondApprovalLeavesARunningJobAlone() {
        var p0 = anExecution(1).onNode(1).partition(0).state(Running);
        var p1 = anExecution(2).onNode(2).partition(1).state(AskForBidAccepted);
        onThreeNodes(aJob().count(2).state(JobStateType.Running), p0, p1).schedule()
                .updates(1).approved(p1.id()).jobUnchanged().noJobEvents();
    }

    @Test
    void bidsStillBeingAskedChangeNothing() {
        var asked = anExecution(1).onNode(1).partition(0).state(AskForBid);
        onThreeNodes(aJob(), asked).schedule()
                .newExecutions(0).noUpdates().jobUnchanged().noJobEvents().noFollowUps();
    }

    @Test
    void queuedJobRunsOnceABidIsApproved() {
        var accepted = anExecution(1).onNode(1).partition(0).state(AskForBidAccepted);
        onThreeNodes(aJob().state(JobStateType.Queued, "Job queued. not enough nodes"), accepted).schedule()
                .approved(accepted.id()).jobState(JobStateType.Running, "");
    }

    @Test
    void approvingABidCancelsTheOtherAsksOfItsPartitionAsOverSubscription() {
        var accepted = anExecution(1).onNode(1).partition(0).state(AskForBidAccepted).modifiedAgo(Duration.ofSeconds(9));
        var stillAsking = anExecution(2).onNode(2).partition(0).state(AskForBid).modifiedAgo(Duration.ofSeconds(5));
        onThreeNodes(aJob(), accepted, stillAsking).schedule()
                .approved(accepted.id()).stopped(stillAsking.id(), Cancelled, StopReasons.TOO_MANY);
    }
}
