package io.bacalao.orchestrator.scheduler;

import static io.bacalao.domain.model.ExecutionStateType.Cancelled;
import static io.bacalao.domain.model.ExecutionStateType.Completed;
import static io.bacalao.domain.model.ExecutionStateType.Failed;
import static io.bacalao.domain.model.ExecutionStateType.Running;
import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.nodeId;

import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.JobStateType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Service jobs keep Count executions running through the bid flow and never complete (§2.10). */
class ServiceSchedulerTest {
    private static JobBuilder service() {
        return aJob().type("service");
    }

    @Test
    void countPartitionsAreAskedToBidOnDistinctNodes() {
        Scenario.given(service().count(2)).nodes(3).schedule()
                .newExecutions(2).onDistinctNodes().partitions(0, 1).newExecutionsDesired(DesiredStateType.Pending)
                .withRequestedEvents().jobUnchanged();
    }

    @Test
    void aCompletedExecutionDoesNotCountAndIsReplaced() {
        var done = anExecution(1).onNode(1).partition(0).state(Completed);
        Scenario.given(service().state(JobStateType.Running)).nodes(2).executions(done)
                .triggeredBy(EvaluationTrigger.EXEC_UPDATE).schedule()
                .newExecutions(1).partitions(0).jobUnchanged();
    }

    @Test
    void allPartitionsRunningNeverCompletes() {
        Scenario.given(service().count(2).state(JobStateType.Running)).nodes(2)
                .executions(anExecution(1).onNode(1).partition(0).state(Running),
                        anExecution(2).onNode(2).partition(1).state(Running))
                .schedule().newExecutions(0).noUpdates().jobUnchanged().noFollowUps();
    }

    @Test
    void aFailedExecutionIsReplacedOnAnotherNode() {
        var failed = anExecution(1).onNode(1).partition(0).state(Failed);
        Scenario.given(service().state(JobStateType.Running)).nodes(2).executions(failed)
                .triggeredBy(EvaluationTrigger.EXEC_UPDATE).schedule()
                .newExecutions(1).partitions(0).placedOn(nodeId(2));
    }

    @Test
    void loweringCountStopsTheSurplusPartitions() {
        var p0 = anExecution(1).onNode(1).partition(0).state(Running);
        var p1 = anExecution(2).onNode(2).partition(1).state(Running);
        Scenario.given(service().count(1).state(JobStateType.Running)).nodes(2).executions(p0, p1).schedule()
                .updates(1).stopped(p1.id(), Cancelled, StopReasons.TOO_MANY).newExecutions(0).jobUnchanged();
    }

    @Test
    void countZeroStopsEveryExecutionButNotTheJob() {
        var p0 = anExecution(1).onNode(1).partition(0).state(Running);
        Scenario.given(service().count(0).state(JobStateType.Running)).nodes(1).executions(p0).schedule()
                .stopped(p0.id(), Cancelled, StopReasons.TOO_MANY).newExecutions(0).jobUnchanged();
    }

    @Test
    void longRunningJobsHaveNoTimeouts() {
        var old = anExecution(1).onNode(1).partition(0).state(Running).modifiedAgo(Duration.ofDays(3));
        Scenario.given(service().state(JobStateType.Running).createdAgo(Duration.ofDays(3))).nodes(1)
                .executions(old).schedule().noUpdates().jobUnchanged();
    }

    @Test
    void notEnoughNodesWithoutQueueingFails() {
        Scenario.given(service().count(3)).nodes(2).schedule().newExecutions(0)
                .jobState(JobStateType.Failed, "not enough nodes to run job. requested: 3, available: 2, suitable: 2.")
                .why("• needs 3 nodes (one per partition), 2 fit — lower --count to 2 or add 1 matching node");
    }

    @Test
    void serviceQueuesWithTheServiceDefaultQueueTimeout() {
        Scenario.given(service().engine("vroomvroom")).nodes(1).defaultQueueTimeout(Duration.ofMinutes(5)).schedule()
                .newExecutions(0).jobState(JobStateType.Queued, "Job queued. not enough nodes to run job. requested: 1,"
                        + " available: 1, suitable: 0.\n• Node n-00000001: does not support vroomvroom, only docker, wasm")
                .followUp(EvaluationTrigger.JOB_QUEUE, Duration.ofMinutes(1));
    }
}
