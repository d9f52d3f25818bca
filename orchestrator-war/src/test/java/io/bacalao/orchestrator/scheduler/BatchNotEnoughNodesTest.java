package io.bacalao.orchestrator.scheduler;

import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.Resources;
import org.junit.jupiter.api.Test;

/** Fewer suitable nodes than partitions with queueing disabled (QueueTimeout 0): the job fails at once (§3.2). */
class BatchNotEnoughNodesTest {
    private static final Resources ONE_CPU = Resources.of(1, 16_000_000_000L, 100_000_000_000L, 0);

    @Test
    void countThreeOnTwoNodesFailsWithoutCreatingExecutions() {
        String reason = "not enough nodes to run job. requested: 3, available: 2, suitable: 2.";
        PlanAssert plan = Scenario.given(aJob().count(3)).nodes(2).schedule()
                .newExecutions(0).noUpdates().noFollowUps()
                .jobState(JobStateType.Failed, reason).jobEvent(EventTopics.SCHEDULING, reason);
        Event event = plan.plan().events().get(0).event();
        assertTrue(event.isError(), "the failure is an error event");
        assertEquals(Scenario.NOW, event.timestamp());
    }

    @Test
    void unsupportedEngineFailsWithTheGroupedReason() {
        Scenario.given(aJob().engine("vroomvroom")).nodes(3).schedule().newExecutions(0)
                .jobState(JobStateType.Failed, "not enough nodes to run job. requested: 1, available: 3, suitable: 0."
                        + "\n• 3 of 3 nodes: does not support vroomvroom, only docker, wasm");
    }

    @Test
    void unsatisfiableConstraintNamesEachNode() {
        Scenario.given(aJob().constraint("region", "=", "ap"))
                .nodes(aNode(1).label("region", "us"), aNode(2).label("region", "eu"))
                .schedule().newExecutions(0)
                .jobState(JobStateType.Failed, "not enough nodes to run job. requested: 1, available: 2, suitable: 0."
                        + "\n• Node n-00000001: labels {region=us} do not match the job's constraint region=ap"
                        + "\n• Node n-00000002: labels {region=eu} do not match the job's constraint region=ap");
    }

    @Test
    void nodeWithoutEnoughCpuIsUnsuitable() {
        Scenario.given(aJob().count(2).resources("2", "")).nodes(aNode(1).maxJob(ONE_CPU), aNode(2))
                .schedule().newExecutions(0)
                .jobState(JobStateType.Failed, "not enough nodes to run job. requested: 2, available: 2, suitable: 1."
                        + "\n• Node n-00000001: job requires more CPU (2) than the maximum available (1)");
    }

    @Test
    void noNodesAtAll() {
        Scenario.given(aJob()).schedule().newExecutions(0)
                .jobState(JobStateType.Failed, "not enough nodes to run job. requested: 1, available: 0, suitable: 0.");
    }

    @Test
    void partitionWithNowhereToGoFailsTheJobAndCancelsItsExecutions() {
        String reason = "not enough nodes to run job. requested: 1, available: 1, suitable: 0."
                + "\n• Node n-00000001: job rejected";
        var running = anExecution(1).onNode(1).partition(0).state(ExecutionStateType.Running);
        Scenario.given(aJob().count(2).state(JobStateType.Running)).nodes(aNode(1)).executions(running)
                .schedule().newExecutions(0)
                .jobState(JobStateType.Failed, reason)
                .stopped(running.id(), ExecutionStateType.Cancelled, StopReasons.JOB_FAILED);
    }
}
