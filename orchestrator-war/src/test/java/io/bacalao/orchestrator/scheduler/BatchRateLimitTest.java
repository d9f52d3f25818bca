package io.bacalao.orchestrator.scheduler;

import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;

import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.ExecutionStateType;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** At most 20 new executions per evaluation; the rest follow in an exec-limit evaluation 100 ms later (§4.2). */
class BatchRateLimitTest {

    @Test
    void twentyFivePartitionsOnThirtyNodesStartTwentyAndComeBack() {
        Scenario.given(aJob().count(25)).nodes(30).schedule()
                .newExecutions(20).onDistinctNodes().partitions(IntStream.range(0, 20).boxed().toArray(Integer[]::new))
                .jobUnchanged().followUp(EvaluationTrigger.EXEC_LIMIT, Duration.ofMillis(100));
    }

    @Test
    void followUpEvaluationSchedulesTheRest() {
        ExecutionBuilder[] first = IntStream.range(0, 20).mapToObj(p -> anExecution(p + 1).onNode(p + 1).partition(p)
                .state(ExecutionStateType.AskForBid)).toArray(ExecutionBuilder[]::new);
        PlanAssert plan = Scenario.given(aJob().count(25)).nodes(30).executions(first)
                .triggeredBy(EvaluationTrigger.EXEC_LIMIT).schedule()
                .newExecutions(5).partitions(20, 21, 22, 23, 24).noUpdates().noFollowUps();
        IntStream.rangeClosed(1, 20).forEach(n -> plan.notPlacedOn(NodeBuilder.nodeId(n)));
    }

    @Test
    void exactlyTwentyPartitionsNeedNoFollowUp() {
        Scenario.given(aJob().count(20)).nodes(30).schedule().newExecutions(20).noFollowUps();
    }
}
