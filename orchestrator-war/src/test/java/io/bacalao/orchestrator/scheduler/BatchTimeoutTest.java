package io.bacalao.orchestrator.scheduler;

import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;

import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.JobStateType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchTimeoutTest {
    @Test
    void aJobPastItsTotalTimeoutFailsAndItsExecutionsStop() {
        Scenario.given(aJob().totalTimeout(Duration.ofSeconds(3)).createdAgo(Duration.ofSeconds(5)))
                .nodes(aNode(1))
                .executions(anExecution(1).onNode(1).state(ExecutionStateType.Running).desired(DesiredStateType.Running))
                .schedule()
                .jobState(JobStateType.Failed, "Job timed out. Job took longer than 3s")
                .stopped(ExecutionBuilder.executionId(1), ExecutionStateType.Cancelled, BatchScheduler.JOB_FAILED)
                .newExecutions(0);
    }

    @Test
    void aJobWithinItsTotalTimeoutIsScheduledAsUsual() {
        Scenario.given(aJob().totalTimeout(Duration.ofSeconds(60)).createdAgo(Duration.ofSeconds(5)))
                .nodes(aNode(1))
                .schedule()
                .newExecutions(1);
    }
}
