package io.bacalao.orchestrator.scheduler;

import static io.bacalao.domain.model.ExecutionStateType.Cancelled;
import static io.bacalao.domain.model.ExecutionStateType.Failed;
import static io.bacalao.domain.model.ExecutionStateType.Running;
import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.nodeId;

import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.JobStateType;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Daemon jobs run on every matching node, including nodes that join or come back later, until stopped (§2.10). */
class DaemonSchedulerTest {
    private static JobBuilder daemon() {
        return aJob().type("daemon");
    }

    @Test
    void runsOnEveryMatchingNodePreApproved() {
        Scenario.given(daemon()).nodes(aNode(1), aNode(2), aNode(3).engines("wasm")).schedule()
                .newExecutions(2).placedOn(nodeId(1), nodeId(2)).newExecutionsDesired(DesiredStateType.Running)
                .withRequestedEvents().jobState(JobStateType.Running, "");
    }

    @Test
    void aNodeThatJoinsLaterGetsAnExecution() {
        Scenario.given(daemon().state(JobStateType.Running)).nodes(3)
                .executions(anExecution(1).onNode(1).state(Running), anExecution(2).onNode(2).state(Running))
                .triggeredBy(EvaluationTrigger.NODE_JOIN).schedule()
                .newExecutions(1).placedOn(nodeId(3)).noUpdates().jobUnchanged();
    }

    @Test
    void anExecutionLostWithItsNodeFailsAndWaits() {
        var lost = anExecution(1).onNode(1).state(Running);
        Scenario.given(daemon().state(JobStateType.Running)).nodes(aNode(1).disconnected(), aNode(2))
                .executions(lost, anExecution(2).onNode(2).state(Running))
                .triggeredBy(EvaluationTrigger.NODE_LEAVE).schedule()
                .stopped(lost.id(), Failed, StopReasons.NODE_LOST).newExecutions(0).jobUnchanged();
    }

    @Test
    void theNodeComingBackGetsItsExecutionAgainEvenAfterTwoLosses() {
        var lost1 = anExecution(1).onNode(1).state(Failed).createdAgo(Duration.ofHours(2));
        var lost2 = anExecution(2).onNode(1).state(Failed).createdAgo(Duration.ofHours(1));
        Scenario.given(daemon().state(JobStateType.Running)).nodes(aNode(1).connectedAgo(Duration.ofSeconds(5)))
                .executions(lost1, lost2).triggeredBy(EvaluationTrigger.NODE_JOIN).schedule()
                .newExecutions(1).placedOn(nodeId(1));
    }

    @Test
    void anExecutionThatKeepsFailingOnAConnectedNodeStopsAfterTwoAttempts() {
        var f1 = anExecution(1).onNode(1).state(Failed).createdAgo(Duration.ofMinutes(2));
        Scenario.given(daemon().state(JobStateType.Running)).nodes(1).executions(f1)
                .triggeredBy(EvaluationTrigger.EXEC_UPDATE).schedule().newExecutions(1);
        var f2 = anExecution(2).onNode(1).state(Failed).createdAgo(Duration.ofMinutes(1));
        Scenario.given(daemon().state(JobStateType.Running)).nodes(1).executions(f1, f2)
                .triggeredBy(EvaluationTrigger.EXEC_UPDATE).schedule().newExecutions(0).jobUnchanged();
    }

    @Test
    void neverCompletes() {
        Scenario.given(daemon().state(JobStateType.Running)).nodes(1)
                .executions(anExecution(1).onNode(1).state(Running)).schedule()
                .newExecutions(0).noUpdates().jobUnchanged().noFollowUps();
    }

    @Test
    void stoppedDaemonCancelsEverywhere() {
        var a = anExecution(1).onNode(1).state(Running);
        var b = anExecution(2).onNode(2).state(Running);
        Scenario.given(daemon().state(JobStateType.Stopped, "Stopped at user request")).nodes(2).executions(a, b)
                .schedule().stopped(a.id(), Cancelled, StopReasons.JOB_STOPPED)
                .stopped(b.id(), Cancelled, StopReasons.JOB_STOPPED).newExecutions(0);
    }

    @Test
    void noMatchingNodeLeavesItPendingWithTheReason() {
        Scenario.given(daemon().constraint("gpu", "exists")).nodes(1).schedule()
                .newExecutions(0).noJobEvents().jobState(JobStateType.Pending, null)
                .why("• Node n-00000001: needs label gpu — no connected node has it; change --constraints"
                        + " or add a node with that label (config key Labels)");
    }

    @Test
    void anUpdateReplacesOldExecutionsTwentyAtATime() {
        var old = IntStream.rangeClosed(1, 25).mapToObj(n -> anExecution(n).onNode(n).state(Running).version(1)
                .createdAgo(Duration.ofMinutes(n))).toArray(ExecutionBuilder[]::new);
        PlanAssert plan = Scenario.given(daemon().version(2).state(JobStateType.Pending)).nodes(25).executions(old)
                .triggeredBy(EvaluationTrigger.JOB_UPDATE).schedule()
                .updates(20).followUp(EvaluationTrigger.EXEC_LIMIT, Duration.ofMillis(100));
        // the nodes whose old execution was stopped get the new version at once; the 5 newest keep theirs for now
        plan.newExecutions(20);
        IntStream.rangeClosed(1, 5).forEach(n -> plan.notPlacedOn(nodeId(n)));
        IntStream.rangeClosed(6, 25).forEach(n -> plan.stopped(ExecutionBuilder.executionId(n), Cancelled,
                StopReasons.JOB_UPDATED));
    }
}
