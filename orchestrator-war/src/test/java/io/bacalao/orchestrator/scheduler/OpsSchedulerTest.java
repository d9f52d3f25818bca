package io.bacalao.orchestrator.scheduler;

import static io.bacalao.domain.model.ExecutionStateType.BidAccepted;
import static io.bacalao.domain.model.ExecutionStateType.Cancelled;
import static io.bacalao.domain.model.ExecutionStateType.Completed;
import static io.bacalao.domain.model.ExecutionStateType.Failed;
import static io.bacalao.domain.model.ExecutionStateType.Running;
import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.nodeId;

import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.JobStateType;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Ops jobs run once on every matching node with pre-approved bids and are never retried (§2.10). */
class OpsSchedulerTest {
    private static JobBuilder ops() {
        return aJob().type("ops");
    }

    @Test
    void runsOnEveryMatchingNodeWithoutABidRound() {
        Scenario.given(ops().constraint("role", "=", "edge"))
                .nodes(aNode(1).label("role", "edge"), aNode(2).label("role", "edge"), aNode(3).label("role", "core"))
                .schedule()
                .newExecutions(2).placedOn(nodeId(1), nodeId(2)).newExecutionsDesired(DesiredStateType.Running)
                .withRequestedEvents().jobState(JobStateType.Running, "").jobEvent(EventTopics.STATE_UPDATE, "Running");
    }

    @Test
    void noMatchingNodeFailsWithEveryNodesReason() {
        Scenario.given(ops().constraint("role", "=", "edge")).nodes(aNode(1).label("role", "core"), aNode(2)).schedule()
                .newExecutions(0).jobState(JobStateType.Failed, "not matching nodes to run job out of 2 available nodes."
                        + "\n• Node n-00000001: labels {role=core} do not match the job's constraint role=edge"
                        + "\n• Node n-00000002: labels {} do not match the job's constraint role=edge")
                .why("• 2 of 2 nodes (n-00000001, n-00000002): needs label role=edge — no connected node has it;"
                        + " change --constraints or add a node with that label (config key Labels)");
    }

    @Test
    void aSecondEvaluationCreatesNothingNew() {
        Scenario.given(ops().state(JobStateType.Running)).nodes(2)
                .executions(anExecution(1).onNode(1).state(Running), anExecution(2).onNode(2).state(BidAccepted))
                .triggeredBy(EvaluationTrigger.EXEC_UPDATE).schedule()
                .newExecutions(0).noUpdates().jobUnchanged();
    }

    @Test
    void aNodeThatJoinedWhileTheJobRunsGetsItToo() {
        Scenario.given(ops().state(JobStateType.Running)).nodes(2)
                .executions(anExecution(1).onNode(1).state(Running))
                .triggeredBy(EvaluationTrigger.NODE_JOIN).schedule()
                .newExecutions(1).placedOn(nodeId(2)).jobUnchanged();
    }

    @Test
    void completesWhenEveryExecutionCompleted() {
        Scenario.given(ops().state(JobStateType.Running)).nodes(2)
                .executions(anExecution(1).onNode(1).state(Completed), anExecution(2).onNode(2).state(Completed))
                .triggeredBy(EvaluationTrigger.EXEC_UPDATE).schedule()
                .newExecutions(0).jobState(JobStateType.Completed, "").jobEvent(EventTopics.STATE_UPDATE, "Completed");
    }

    @Test
    void aFailedExecutionIsNotRetriedAndFailsTheJobAtTheEnd() {
        var failed = anExecution(1).onNode(1).state(Failed);
        var running = anExecution(2).onNode(2).state(Running);
        Scenario.given(ops().state(JobStateType.Running)).nodes(2).executions(failed, running)
                .triggeredBy(EvaluationTrigger.EXEC_UPDATE).schedule().newExecutions(0).noUpdates().jobUnchanged();
        Scenario.given(ops().state(JobStateType.Running)).nodes(2)
                .executions(failed, anExecution(2).onNode(2).state(Completed))
                .triggeredBy(EvaluationTrigger.EXEC_UPDATE).schedule()
                .newExecutions(0).jobState(JobStateType.Failed, "Job failed because one or more executions failed");
    }

    @Test
    void anExecutionLostWithItsNodeFailsAndIsNotRetried() {
        var lost = anExecution(1).onNode(1).state(Running);
        Scenario.given(ops().state(JobStateType.Running)).nodes(aNode(1).disconnected(), aNode(2))
                .executions(lost, anExecution(2).onNode(2).state(Completed))
                .triggeredBy(EvaluationTrigger.NODE_LEAVE).schedule()
                .stopped(lost.id(), Failed, StopReasons.NODE_LOST).newExecutions(0)
                .jobState(JobStateType.Failed, "Job failed because one or more executions failed");
    }

    @Test
    void atMostTwentyNodesPerEvaluation() {
        Scenario.given(ops()).nodes(25).schedule()
                .newExecutions(20).onDistinctNodes().followUp(EvaluationTrigger.EXEC_LIMIT, Duration.ofMillis(100))
                .jobState(JobStateType.Running, "");
        var first = IntStream.rangeClosed(1, 20).mapToObj(n -> anExecution(n).onNode(n).state(Running))
                .toArray(ExecutionBuilder[]::new);
        Scenario.given(ops().state(JobStateType.Running)).nodes(25).executions(first)
                .triggeredBy(EvaluationTrigger.EXEC_LIMIT).schedule().newExecutions(5).noFollowUps();
    }

    @Test
    void totalTimeoutFailsTheJob() {
        var running = anExecution(1).onNode(1).state(Running);
        Scenario.given(ops().state(JobStateType.Running).totalTimeout(Duration.ofSeconds(30))
                        .createdAgo(Duration.ofMinutes(1))).nodes(1).executions(running).schedule()
                .jobState(JobStateType.Failed, "Job timed out. Job took longer than 30s")
                .stopped(running.id(), Cancelled, StopReasons.JOB_FAILED);
    }

    @Test
    void stoppedJobCancelsItsExecutions() {
        var running = anExecution(1).onNode(1).state(Running);
        Scenario.given(ops().state(JobStateType.Stopped, "Stopped at user request")).nodes(1).executions(running)
                .triggeredBy(EvaluationTrigger.JOB_CANCEL).schedule()
                .stopped(running.id(), Cancelled, StopReasons.JOB_STOPPED).newExecutions(0).jobUnchanged();
    }
}
