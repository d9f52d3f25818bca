package io.bacalao.orchestrator.scheduler;

import static io.bacalao.domain.model.ExecutionStateType.Completed;
import static io.bacalao.domain.model.ExecutionStateType.Failed;
import static io.bacalao.domain.model.ExecutionStateType.Running;
import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.nodeId;

import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.JobStateType;
import org.junit.jupiter.api.Test;

/** Executions on nodes that are not CONNECTED fail and their partitions are scheduled elsewhere (§3.4). */
class BatchLostNodeTest {
    private static final String LOST = "Execution stop requested because node has disappeared";

    @Test
    void executionOnADisconnectedNodeFailsAndIsRescheduled() {
        var lost = anExecution(1).onNode(1).partition(0).state(Running);
        Scenario.given(aJob().state(JobStateType.Running)).nodes(aNode(1).disconnected(), aNode(2))
                .executions(lost).triggeredBy(EvaluationTrigger.NODE_LEAVE).schedule()
                .updates(1).stopped(lost.id(), Failed, LOST)
                .newExecutions(1).partitions(0).placedOn(nodeId(2)).jobUnchanged();
    }

    @Test
    void executionOnAnUnknownNodeFailsAndIsRescheduled() {
        var lost = anExecution(1).onNode(9).partition(0).state(Running);
        Scenario.given(aJob().state(JobStateType.Running)).nodes(2).executions(lost).schedule()
                .stopped(lost.id(), Failed, LOST).newExecutions(1).partitions(0);
    }

    @Test
    void onlyTheLostPartitionIsRescheduled() {
        var lost = anExecution(1).onNode(1).partition(0).state(Running);
        var healthy = anExecution(2).onNode(2).partition(1).state(Running);
        Scenario.given(aJob().count(2).state(JobStateType.Running))
                .nodes(aNode(1).disconnected(), aNode(2), aNode(3)).executions(lost, healthy).schedule()
                .updates(1).stopped(lost.id(), Failed, LOST).notUpdated(healthy.id())
                .newExecutions(1).partitions(0).placedOn(nodeId(3));
    }

    @Test
    void finishedExecutionsOnLostNodesAreLeftAlone() {
        var done = anExecution(1).onNode(1).partition(0).state(Completed);
        Scenario.given(aJob().count(1).state(JobStateType.Running)).nodes(aNode(1).disconnected()).executions(done)
                .schedule().noUpdates().newExecutions(0).jobState(JobStateType.Completed, "");
    }
}
