package io.bacalao.orchestrator.scheduler;

import static io.bacalao.domain.model.ExecutionStateType.AskForBidAccepted;
import static io.bacalao.domain.model.ExecutionStateType.Cancelled;
import static io.bacalao.domain.model.ExecutionStateType.Completed;
import static io.bacalao.domain.model.ExecutionStateType.Failed;
import static io.bacalao.domain.model.ExecutionStateType.New;
import static io.bacalao.domain.model.ExecutionStateType.Running;
import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.nodeId;

import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.JobStateType;
import org.junit.jupiter.api.Test;

/** A stopped or failed job stops its live executions; an updated job replaces the old version's (§4.2 steps 1, 3). */
class BatchStopAndUpdateTest {
    private static final String STOPPED = "Execution stop requested because job has been stopped";
    private static final String UPDATED = "Execution stopped for job update";

    @Test
    void stoppedJobCancelsEveryLiveExecution() {
        var running = anExecution(1).onNode(1).partition(0).state(Running);
        var accepted = anExecution(2).onNode(2).partition(1).state(AskForBidAccepted);
        var done = anExecution(3).onNode(3).partition(2).state(Completed);
        var failed = anExecution(4).onNode(1).partition(2).state(Failed);
        Scenario.given(aJob().count(3).state(JobStateType.Stopped, "Stopped at user request")).nodes(3)
                .executions(running, accepted, done, failed).triggeredBy(EvaluationTrigger.JOB_CANCEL).schedule()
                .updates(2).stopped(running.id(), Cancelled, STOPPED).stopped(accepted.id(), Cancelled, STOPPED)
                .newExecutions(0).jobUnchanged().noJobEvents().noFollowUps();
    }

    @Test
    void failedJobCancelsItsLiveExecutions() {
        var running = anExecution(1).onNode(1).partition(0).state(Running);
        Scenario.given(aJob().state(JobStateType.Failed, "Job timed out")).nodes(1).executions(running).schedule()
                .updates(1).stopped(running.id(), Cancelled, "Execution stopped due to job failure").newExecutions(0);
    }

    @Test
    void olderVersionExecutionsAreCancelledAndReplaced() {
        var oldRunning = anExecution(1).onNode(1).partition(0).state(Running).version(1);
        var oldPending = anExecution(2).onNode(2).partition(1).state(New).version(1);
        Scenario.given(aJob().count(2).version(2)).nodes(2).executions(oldRunning, oldPending)
                .triggeredBy(EvaluationTrigger.JOB_UPDATE).schedule()
                .updates(2).stopped(oldRunning.id(), Cancelled, UPDATED).stopped(oldPending.id(), Cancelled, UPDATED)
                .newExecutions(2).partitions(0, 1).placedOn(nodeId(1), nodeId(2)).jobUnchanged();
    }

    @Test
    void olderVersionOnALostNodeFailsAsLost() {
        var old = anExecution(1).onNode(1).partition(0).state(Running).version(1);
        Scenario.given(aJob().version(2)).nodes(aNode(1).disconnected(), aNode(2)).executions(old).schedule()
                .updates(1).stopped(old.id(), Failed, "Execution stop requested because node has disappeared")
                .newExecutions(1).placedOn(nodeId(2));
    }

    @Test
    void finishedOlderVersionExecutionsAreLeftAlone() {
        Scenario.given(aJob().version(2)).nodes(1)
                .executions(anExecution(1).onNode(1).partition(0).state(Failed).version(1)).schedule()
                .noUpdates().newExecutions(1).placedOn(nodeId(1));
    }
}
