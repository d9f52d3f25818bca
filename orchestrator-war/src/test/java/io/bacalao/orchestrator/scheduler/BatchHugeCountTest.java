package io.bacalao.orchestrator.scheduler;

import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.JobStateType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A plan never allocates in proportion to Count (issue 10): however large Count is, an evaluation creates at
 * most one execution per suitable node (partitions on distinct nodes, reference §2.10) and at most the rate
 * limit, and leaves the rest to later evaluations. With Count = Integer.MAX_VALUE, a list of the free
 * partitions alone would need tens of gigabytes.
 */
class BatchHugeCountTest {
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final int HUGE = Integer.MAX_VALUE;

    @Test
    void hugeCountPlacesOnePartitionPerSuitableNodeAndWaitsForTheRest() {
        Scenario.given(aJob().count(HUGE).queueTimeout(TEN_MINUTES)).nodes(3).schedule()
                .newExecutions(3).onDistinctNodes().partitions(0, 1, 2)
                .jobState(JobStateType.Pending, null)
                .followUp(EvaluationTrigger.JOB_QUEUE, Duration.ofMinutes(1));
    }

    @Test
    void hugeCountOnManyNodesStopsAtTheRateLimit() {
        Scenario.given(aJob().count(HUGE).queueTimeout(TEN_MINUTES)).nodes(30).schedule()
                .newExecutions(20).onDistinctNodes()
                .partitions(IntStream.range(0, 20).boxed().toArray(Integer[]::new));
    }

    @Test
    void hugeCountTakesTheLowestFreePartitions() {
        var job = aJob().count(HUGE).queueTimeout(TEN_MINUTES).state(JobStateType.Running);
        Scenario.given(job).nodes(4)
                .executions(anExecution(1).onNode(1).partition(0).state(ExecutionStateType.Running),
                        anExecution(2).onNode(2).partition(2).state(ExecutionStateType.Running))
                .triggeredBy(EvaluationTrigger.JOB_QUEUE).schedule()
                .newExecutions(2).partitions(1, 3);
    }

    @Test
    void hugeCountWithoutQueueingFailsAtOnceWithoutExecutions() {
        Scenario.given(aJob().count(HUGE)).nodes(2).schedule().newExecutions(0)
                .jobState(JobStateType.Failed, "not enough nodes to run job. requested: " + HUGE
                        + ", available: 2, suitable: 2.");
    }

    @Test
    void lowestFreeSkipsUsedPartitionsAndStopsAtCount() {
        assertEquals(List.of(1, 3, 4), PartitionScheduler.lowestFree(Set.of(0, 2), HUGE, 3));
        assertEquals(List.of(1), PartitionScheduler.lowestFree(Set.of(0, 2), 3, 5));
        assertEquals(List.of(), PartitionScheduler.lowestFree(Set.of(), 0, 5));
    }
}
