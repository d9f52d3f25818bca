package io.bacalao.orchestrator.scheduler;

import static io.bacalao.domain.model.ExecutionStateType.AskForBidRejected;
import static io.bacalao.domain.model.ExecutionStateType.Failed;
import static io.bacalao.domain.model.ExecutionStateType.Running;
import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.nodeId;

import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.JobStateType;
import org.junit.jupiter.api.Test;

/** Failed partitions are retried, preferably elsewhere; a node gets at most two attempts (§3.4). */
class BatchRetryTest {

    private static Scenario afterFailure(int nodes, JobBuilder job, ExecutionBuilder... executions) {
        return Scenario.given(job.state(JobStateType.Running)).nodes(nodes).executions(executions)
                .triggeredBy(EvaluationTrigger.EXEC_FAILURE);
    }

    @Test
    void failedPartitionIsRetriedOnAnotherNode() {
        var failed = anExecution(1).onNode(1).partition(0).state(Failed);
        afterFailure(2, aJob(), failed).schedule()
                .newExecutions(1).partitions(0).placedOn(nodeId(2)).newExecutionsDesired(DesiredStateType.Pending)
                .withRequestedEvents().noUpdates().jobUnchanged();
    }

    @Test
    void onlyTheFailedPartitionIsRetried() {
        afterFailure(3, aJob().count(2),
                anExecution(1).onNode(1).partition(0).state(Failed),
                anExecution(2).onNode(2).partition(1).state(Running)).schedule()
                .newExecutions(1).partitions(0).placedOn(nodeId(3)).noUpdates();
    }

    @Test
    void nodeThatFailedOnceIsStillUsedWhenNothingElseFits() {
        afterFailure(1, aJob(), anExecution(1).onNode(1).partition(0).state(Failed)).schedule()
                .newExecutions(1).partitions(0).placedOn(nodeId(1));
    }

    @Test
    void nodeThatFailedTheJobTwiceIsUnsuitable() {
        afterFailure(1, aJob(),
                anExecution(1).onNode(1).partition(0).state(Failed),
                anExecution(2).onNode(1).partition(0).state(Failed)).schedule()
                .newExecutions(0)
                .jobState(JobStateType.Failed, "not enough nodes to run job. requested: 1, available: 1, suitable: 0."
                        + "\n• Node n-00000001: job already executed on this node more than once");
    }

    @Test
    void nodeThatRejectedTheBidIsNotAskedAgain() {
        afterFailure(2, aJob(), anExecution(1).onNode(1).partition(0).state(AskForBidRejected)).schedule()
                .newExecutions(1).placedOn(nodeId(2));
    }

    @Test
    void jobFailsWhenTheOnlyNodeRejectedTheBid() {
        afterFailure(1, aJob(), anExecution(1).onNode(1).partition(0).state(AskForBidRejected)).schedule()
                .newExecutions(0)
                .jobState(JobStateType.Failed, "not enough nodes to run job. requested: 1, available: 1, suitable: 0."
                        + "\n• Node n-00000001: job rejected");
    }
}
