package io.bacalao.orchestrator.scheduler;

import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.nodeId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.JobStateType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** TotalTimeout fails the job; ExecutionTimeout (or TotalTimeout) fails one execution, which is retried (§3.2, §3.4). */
class BatchTimeoutTest {
    private static final String EXEC_TIMED_OUT = "Execution timed out. Execution took longer than 1m0s";

    @Test
    void aJobPastItsTotalTimeoutFailsAndItsExecutionsStop() {
        PlanAssert plan = Scenario.given(aJob().totalTimeout(Duration.ofSeconds(3)).createdAgo(Duration.ofSeconds(5)))
                .nodes(aNode(1))
                .executions(anExecution(1).onNode(1).state(ExecutionStateType.Running).desired(DesiredStateType.Running))
                .schedule()
                .jobState(JobStateType.Failed, "Job timed out. Job took longer than 3s")
                .jobEvent(EventTopics.JOB_TIMEOUT, "Job timed out. Job took longer than 3s")
                .stopped(ExecutionBuilder.executionId(1), ExecutionStateType.Cancelled, StopReasons.JOB_FAILED)
                .newExecutions(0);
        Event event = plan.plan().events().stream().filter(e -> e.executionId().isEmpty()).findFirst().orElseThrow().event();
        assertEquals("Increase the task timeout or allocate more resources", event.details().get(Event.DETAIL_HINT));
    }

    @Test
    void aJobWithinItsTotalTimeoutIsScheduledAsUsual() {
        Scenario.given(aJob().totalTimeout(Duration.ofSeconds(60)).createdAgo(Duration.ofSeconds(5)))
                .nodes(aNode(1))
                .schedule()
                .newExecutions(1);
    }

    @Test
    void anExecutionRunningLongerThanItsTimeoutFailsAndThePartitionIsRetriedElsewhere() {
        var slow = anExecution(1).onNode(1).partition(0).state(ExecutionStateType.Running)
                .modifiedAgo(Duration.ofSeconds(61));
        PlanAssert plan = Scenario.given(aJob().executionTimeout(Duration.ofMinutes(1)).state(JobStateType.Running))
                .nodes(2).executions(slow).schedule()
                .newExecutions(1).placedOn(nodeId(2)).partitions(0).jobUnchanged();
        var update = plan.update(slow.id());
        assertEquals(ExecutionStateType.Failed, update.compute().stateType());
        assertEquals(EXEC_TIMED_OUT, update.compute().message());
        assertEquals(EventTopics.EXEC_TIMEOUT, update.event().topic());
        assertEquals(EXEC_TIMED_OUT, update.event().message());
    }

    @Test
    void withoutExecutionTimeoutTheTotalTimeoutLimitsAnExecution() {
        // created 5 minutes ago on a job whose total is 10 minutes, running for 11 minutes of a clock that jumped:
        // only the execution's own limit (the total, 10 minutes) has passed
        var slow = anExecution(1).onNode(1).partition(0).state(ExecutionStateType.Running)
                .modifiedAgo(Duration.ofMinutes(11));
        Scenario.given(aJob().totalTimeout(Duration.ofMinutes(10)).state(JobStateType.Running)
                        .createdAgo(Duration.ofMinutes(5))).nodes(2).executions(slow).schedule()
                .stopped(slow.id(), ExecutionStateType.Failed, "Execution timed out. Execution took longer than 10m0s",
                        EventTopics.EXEC_TIMEOUT)
                .newExecutions(1).placedOn(nodeId(2));
    }

    @Test
    void anExecutionNotYetApprovedIsNotTimedOut() {
        var asked = anExecution(1).onNode(1).partition(0).state(ExecutionStateType.AskForBid)
                .modifiedAgo(Duration.ofMinutes(10));
        Scenario.given(aJob().executionTimeout(Duration.ofMinutes(1))).nodes(2).executions(asked).schedule()
                .noUpdates().newExecutions(0);
    }
}
