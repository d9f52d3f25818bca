package io.bacalao.orchestrator.scheduler;

import static io.bacalao.domain.model.ExecutionStateType.AskForBidAccepted;
import static io.bacalao.domain.model.ExecutionStateType.Cancelled;
import static io.bacalao.domain.model.ExecutionStateType.New;
import static io.bacalao.domain.model.ExecutionStateType.Running;
import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;

import io.bacalao.domain.model.EvaluationTrigger;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * After an update, pending executions of older versions are cancelled at once and running ones at most 20 per
 * evaluation, oldest first; a still-running old execution keeps its partition until it is replaced (§2.10, §4.2).
 */
class RollingUpdateTest {
    @Test
    void twentyFiveRunningOldExecutionsAreReplacedTwentyAtATime() {
        var old = IntStream.range(0, 25).mapToObj(p -> anExecution(p + 1).onNode(p + 1).partition(p).state(Running)
                .version(1).createdAgo(Duration.ofMinutes(100 - p))).toArray(ExecutionBuilder[]::new);
        PlanAssert plan = Scenario.given(aJob().count(25).version(2)).nodes(30).executions(old)
                .triggeredBy(EvaluationTrigger.JOB_UPDATE).schedule()
                .updates(20).followUp(EvaluationTrigger.EXEC_LIMIT, Duration.ofMillis(100))
                .newExecutions(20).partitions(IntStream.range(0, 20).boxed().toArray(Integer[]::new));
        IntStream.range(0, 20).forEach(p -> plan.stopped(ExecutionBuilder.executionId(p + 1), Cancelled,
                StopReasons.JOB_UPDATED));
        IntStream.range(20, 25).forEach(p -> plan.notUpdated(ExecutionBuilder.executionId(p + 1)));
    }

    @Test
    void oldExecutionsNeverApprovedAreAllCancelledAtOnce() {
        var old = IntStream.range(0, 25).mapToObj(p -> anExecution(p + 1).onNode(p + 1).partition(p)
                .state(p % 2 == 0 ? New : AskForBidAccepted).version(1)).toArray(ExecutionBuilder[]::new);
        Scenario.given(aJob().count(1).version(2)).nodes(30).executions(old)
                .triggeredBy(EvaluationTrigger.JOB_UPDATE).schedule()
                .updates(25).newExecutions(1).noFollowUps();
    }
}
