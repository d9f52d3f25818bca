package io.bacalao.orchestrator.scheduler.ranking;

import static io.bacalao.domain.model.ExecutionStateType.AskForBidRejected;
import static io.bacalao.domain.model.ExecutionStateType.Cancelled;
import static io.bacalao.domain.model.ExecutionStateType.Completed;
import static io.bacalao.domain.model.ExecutionStateType.Failed;
import static io.bacalao.domain.model.ExecutionStateType.Running;
import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.ranking.Rankings.rank;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Bacalhau's previous-executions rule, counting the current version's executions per node (§3.4): none +30,
 * one discarded 0, one live/completed/refused "job rejected", two or more "more than once".
 */
class PreviousExecutionsRankerTest {
    private static final Rank TWICE = Rank.unsuitable("job already executed on this node more than once",
            Misfit.of(Misfit.Kind.TOO_MANY_ATTEMPTS, ""));
    private final PreviousExecutionsRanker ranker = new PreviousExecutionsRanker();

    @Test
    void nodeThatNeverRanTheJobScoresThirty() {
        assertEquals(Rank.score(30), rank(ranker, aJob(), aNode(1), anExecution(1).onNode(2).state(Running)));
    }

    @Test
    void oneDiscardedAttemptLeavesTheNodePossible() {
        assertEquals(Rank.score(0), rank(ranker, aJob(), aNode(1), anExecution(1).onNode(1).state(Failed)));
        assertEquals(Rank.score(0), rank(ranker, aJob(), aNode(1), anExecution(1).onNode(1).state(Cancelled)));
    }

    @Test
    void twoAttemptsAreEnoughWhateverTheirState() {
        assertEquals(TWICE, rank(ranker, aJob(), aNode(1),
                anExecution(1).onNode(1).state(Failed), anExecution(2).onNode(1).state(Cancelled)));
        assertEquals(TWICE, rank(ranker, aJob(), aNode(1),
                anExecution(1).onNode(1).state(Failed), anExecution(2).onNode(1).state(Running)));
    }

    @Test
    void liveOrCompletedExecutionTakesTheNode() {
        Rank holds = Rank.unsuitable("job rejected", Misfit.of(Misfit.Kind.HOLDS_JOB, ""));
        assertEquals(holds, rank(ranker, aJob(), aNode(1), anExecution(1).onNode(1).state(Running)));
        assertEquals(holds, rank(ranker, aJob(), aNode(1), anExecution(1).onNode(1).state(Completed)));
    }

    @Test
    void refusedBidExcludesTheNodeWithTheNodesReason() {
        Rank r = rank(ranker, aJob(), aNode(1), anExecution(1).onNode(1).state(AskForBidRejected));
        assertEquals("job rejected", r.reason());
        assertEquals(Misfit.Kind.REFUSED_BID, r.misfits().get(0).kind());
    }

    @Test
    void executionsOfOlderVersionsDoNotCount() {
        assertEquals(Rank.score(30), rank(ranker, aJob().version(3), aNode(1),
                anExecution(1).onNode(1).state(Running).version(2),
                anExecution(2).onNode(1).state(Failed).version(1),
                anExecution(3).onNode(1).state(Failed).version(1)));
    }

    @Test
    void daemonVariantForgetsAttemptsFromBeforeTheNodeReconnected() {
        PreviousExecutionsRanker daemon = PreviousExecutionsRanker.sinceLastConnect();
        var lostTwice = new io.bacalao.orchestrator.scheduler.ExecutionBuilder[]{
                anExecution(1).onNode(1).state(Failed).createdAgo(Duration.ofMinutes(30)),
                anExecution(2).onNode(1).state(Failed).createdAgo(Duration.ofMinutes(20))};
        assertEquals(Rank.score(30), rank(daemon, aJob(), aNode(1).connectedAgo(Duration.ofMinutes(5)), lostTwice));
        assertEquals(TWICE, rank(ranker, aJob(), aNode(1).connectedAgo(Duration.ofMinutes(5)), lostTwice));
        assertEquals(TWICE, rank(daemon, aJob(), aNode(1).connectedAgo(Duration.ofHours(1)), lostTwice));
    }
}
