package io.bacalao.orchestrator.scheduler;

import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.nodeId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.Resources;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Not enough nodes while the queue timeout allows waiting: the job is Queued and re-evaluated after the queue
 * backoff, or when the queue time runs out if that comes first; once it has waited QueueTimeout it fails (§3.2).
 */
class BatchQueueingTest {
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final String NO_CPU = "not enough nodes to run job. requested: 1, available: 1, suitable: 0."
            + "\n• Node n-00000001: job requires more CPU (2) than the maximum available (1)";

    private static JobBuilder bigJob() {
        return aJob().resources("2", "").queueTimeout(TEN_MINUTES);
    }

    private static NodeBuilder smallNode() {
        return aNode(1).maxJob(Resources.of(1, 16_000_000_000L, 100_000_000_000L, 0));
    }

    @Test
    void newJobWithoutSuitableNodesIsQueuedAndRetriedAfterTheBackoff() {
        Scenario.given(bigJob().createdAgo(Duration.ofSeconds(5))).nodes(smallNode()).schedule()
                .newExecutions(0).noUpdates()
                .jobState(JobStateType.Queued, "Job queued. " + NO_CPU)
                .jobEvent(EventTopics.QUEUEING, "Job queued. " + NO_CPU)
                .followUp(EvaluationTrigger.JOB_QUEUE, Duration.ofMinutes(1));
    }

    @Test
    void retryComesWhenTheQueueTimeRunsOutIfThatIsSooner() {
        Scenario.given(bigJob().createdAgo(Duration.ofSeconds(570))).nodes(smallNode()).schedule()
                .jobState(JobStateType.Queued, "Job queued. " + NO_CPU)
                .followUp(EvaluationTrigger.JOB_QUEUE, Duration.ofSeconds(30));
    }

    @Test
    void alreadyQueuedJobStaysQueuedWithoutAnotherEvent() {
        Scenario.given(bigJob().state(JobStateType.Queued, "Job queued. " + NO_CPU).createdAgo(Duration.ofMinutes(2)))
                .nodes(smallNode()).triggeredBy(EvaluationTrigger.JOB_QUEUE).schedule()
                .newExecutions(0).noJobEvents().jobState(JobStateType.Queued, "Job queued. " + NO_CPU)
                .followUp(EvaluationTrigger.JOB_QUEUE, Duration.ofMinutes(1));
    }

    @Test
    void queuedJobWhoseExplanationHasNotChangedIsLeftAlone() {
        var first = Scenario.given(bigJob().createdAgo(Duration.ofSeconds(5))).nodes(smallNode()).schedule();
        var details = first.plan().newJobState().details();
        Scenario.given(bigJob().state(JobStateType.Queued, "Job queued. " + NO_CPU).details(details)
                        .createdAgo(Duration.ofMinutes(2)))
                .nodes(smallNode()).triggeredBy(EvaluationTrigger.JOB_QUEUE).schedule()
                .newExecutions(0).jobUnchanged().noJobEvents();
    }

    @Test
    void jobThatWaitedItsQueueTimeoutFails() {
        Scenario.given(bigJob().state(JobStateType.Queued).createdAgo(TEN_MINUTES)).nodes(smallNode())
                .triggeredBy(EvaluationTrigger.JOB_QUEUE).schedule()
                .newExecutions(0).noFollowUps()
                .jobState(JobStateType.Failed, NO_CPU).jobEvent(EventTopics.SCHEDULING, NO_CPU);
    }

    @Test
    void queuedJobIsPlacedOnceANodeFits() {
        Scenario.given(bigJob().state(JobStateType.Queued).createdAgo(Duration.ofMinutes(3)))
                .nodes(smallNode(), aNode(2)).triggeredBy(EvaluationTrigger.NODE_JOIN).schedule()
                .newExecutions(1).placedOn(nodeId(2)).noFollowUps().jobUnchanged();
    }

    @Test
    void orchestratorDefaultQueueTimeoutAppliesWhenTheSpecSetsNone() {
        Scenario.given(aJob().resources("2", "")).nodes(smallNode()).defaultQueueTimeout(TEN_MINUTES).schedule()
                .jobState(JobStateType.Queued, "Job queued. " + NO_CPU)
                .followUp(EvaluationTrigger.JOB_QUEUE, Duration.ofMinutes(1));
    }

    @Test
    void runningJobThatLostItsOnlyNodeIsQueued() {
        String reason = "not enough nodes to run job. requested: 1, available: 0, suitable: 0.";
        var lost = anExecution(1).onNode(1).partition(0).state(ExecutionStateType.Running);
        Scenario.given(aJob().queueTimeout(TEN_MINUTES).state(JobStateType.Running)).nodes(aNode(1).disconnected())
                .executions(lost).triggeredBy(EvaluationTrigger.NODE_LEAVE).schedule()
                .stopped(lost.id(), ExecutionStateType.Failed, "Execution stop requested because node has disappeared")
                .newExecutions(0).jobState(JobStateType.Queued, "Job queued. " + reason)
                .jobEvent(EventTopics.QUEUEING, "Job queued. " + reason)
                .followUp(EvaluationTrigger.JOB_QUEUE, Duration.ofMinutes(1));
    }

    @Test
    void runningJobWithOtherPartitionsStillRunningIsQueuedWithoutARunningEvent() {
        String reason = "not enough nodes to run job. requested: 1, available: 1, suitable: 0."
                + "\n• Node n-00000002: job rejected";
        var lost = anExecution(1).onNode(1).partition(0).state(ExecutionStateType.Running);
        var healthy = anExecution(2).onNode(2).partition(1).state(ExecutionStateType.Running);
        PlanAssert plan = Scenario.given(aJob().count(2).queueTimeout(TEN_MINUTES).state(JobStateType.Running))
                .nodes(aNode(1).disconnected(), aNode(2)).executions(lost, healthy).schedule()
                .jobState(JobStateType.Queued, "Job queued. " + reason);
        assertEquals(1, plan.plan().events().size(), () -> "job events " + plan.plan().events());
    }

    @Test
    void partlyPlaceableJobIsNotQueuedButUsesTheNodesThatFitAndSaysWhatIsMissing() {
        Scenario.given(aJob().count(3).queueTimeout(TEN_MINUTES)).nodes(2).schedule()
                .newExecutions(2).onDistinctNodes().partitions(0, 1).noJobEvents()
                .jobState(JobStateType.Pending, null)
                .why("• needs 3 nodes (one per partition), 2 fit — lower --count to 2 or add 1 matching node")
                .followUp(EvaluationTrigger.JOB_QUEUE, Duration.ofMinutes(1));
    }

    @Test
    void pendingJobIsQueuedOnlyByItsRegistrationEvaluation() {
        Scenario.given(bigJob().createdAgo(Duration.ofSeconds(5))).nodes(smallNode())
                .triggeredBy(EvaluationTrigger.JOB_UPDATE).schedule()
                .newExecutions(0).noJobEvents().jobState(JobStateType.Pending, null)
                .why("• Node n-00000001: needs 2 CPU, largest node offers 1 CPU — lower --cpu or add a node with ≥ 2 CPU")
                .followUp(EvaluationTrigger.JOB_QUEUE, Duration.ofMinutes(1));
    }

    @Test
    void queuedJobWithAPartitionStillRunningStaysQueued() {
        var healthy = anExecution(2).onNode(2).partition(1).state(ExecutionStateType.Running);
        var job = aJob().count(2).queueTimeout(TEN_MINUTES).state(JobStateType.Queued)
                .createdAgo(Duration.ofMinutes(2));
        Scenario.given(job).nodes(aNode(2)).executions(healthy).triggeredBy(EvaluationTrigger.JOB_QUEUE).schedule()
                .newExecutions(0).noUpdates().noJobEvents().jobState(JobStateType.Queued, "")
                .why("• Node n-00000002: already runs or completed a partition of this job — each partition needs"
                        + " its own node; lower --count or add nodes")
                .followUp(EvaluationTrigger.JOB_QUEUE, Duration.ofMinutes(1));
    }
}
