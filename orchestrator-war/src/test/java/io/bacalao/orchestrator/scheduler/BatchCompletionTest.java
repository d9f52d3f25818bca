package io.bacalao.orchestrator.scheduler;

import static io.bacalao.domain.model.ExecutionStateType.Cancelled;
import static io.bacalao.domain.model.ExecutionStateType.Completed;
import static io.bacalao.domain.model.ExecutionStateType.New;
import static io.bacalao.domain.model.ExecutionStateType.Running;
import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.JobStateType;
import org.junit.jupiter.api.Test;

/** A batch job completes when every partition has a Completed execution of the current version (§2.10). */
class BatchCompletionTest {

    private static Scenario running(JobBuilder job, ExecutionBuilder... executions) {
        return Scenario.given(job.state(JobStateType.Running)).nodes(3).executions(executions)
                .triggeredBy(EvaluationTrigger.EXEC_UPDATE);
    }

    @Test
    void allPartitionsCompletedCompletesTheJob() {
        PlanAssert plan = running(aJob().count(3),
                anExecution(1).onNode(1).partition(0).state(Completed),
                anExecution(2).onNode(2).partition(1).state(Completed),
                anExecution(3).onNode(3).partition(2).state(Completed)).schedule()
                .newExecutions(0).noUpdates().noFollowUps()
                .jobState(JobStateType.Completed, "").jobEvent(EventTopics.STATE_UPDATE, "Completed");
        Event event = plan.plan().events().get(0).event();
        assertEquals("Completed", event.details().get(Event.DETAIL_NEW_STATE));
    }

    @Test
    void jobKeepsRunningWhileAPartitionRuns() {
        running(aJob().count(2),
                anExecution(1).onNode(1).partition(0).state(Completed),
                anExecution(2).onNode(2).partition(1).state(Running)).schedule()
                .newExecutions(0).noUpdates().jobUnchanged().noJobEvents();
    }

    @Test
    void leftoverExecutionOfACompletedJobIsCancelled() {
        var done = anExecution(1).onNode(1).partition(0).state(Completed);
        var extra = anExecution(2).onNode(2).partition(0).state(New);
        running(aJob(), done, extra).schedule()
                .stopped(extra.id(), Cancelled,
                        "Execution stop requested because there are more executions than needed")
                .jobState(JobStateType.Completed, "");
    }

    @Test
    void completionsOfAnOlderVersionDoNotCount() {
        running(aJob().version(2), anExecution(1).onNode(1).partition(0).state(Completed).version(1)).schedule()
                .newExecutions(1).partitions(0).noUpdates().jobUnchanged();
    }

    @Test
    void countZeroJobHasNothingToRunAndCompletes() {
        var old = anExecution(1).onNode(1).partition(0).state(Running).version(1);
        Scenario.given(aJob().count(0).version(2)).nodes(3).executions(old)
                .triggeredBy(EvaluationTrigger.JOB_UPDATE).schedule()
                .newExecutions(0).stopped(old.id(), Cancelled, "Execution stopped for job update")
                .jobState(JobStateType.Completed, "");
    }

    @Test
    void completedJobStopsALeftoverExecutionWithoutBlamingAFailure() {
        var leftover = anExecution(1).onNode(1).partition(0).state(Running);
        Scenario.given(aJob().state(JobStateType.Completed)).nodes(3).executions(leftover).schedule()
                .updates(1).stopped(leftover.id(), Cancelled, "Execution stop requested because job has been stopped");
    }
}
