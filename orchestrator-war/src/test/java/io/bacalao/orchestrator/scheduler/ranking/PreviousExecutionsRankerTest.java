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

import org.junit.jupiter.api.Test;

/** Distinct nodes per partition and at most two attempts per node, counted for the current job version (§3.4). */
class PreviousExecutionsRankerTest {
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
    void twoDiscardedAttemptsAreEnough() {
        assertEquals(Rank.unsuitable("job already executed on this node more than once"), rank(ranker, aJob(), aNode(1),
                anExecution(1).onNode(1).state(Failed), anExecution(2).onNode(1).state(Cancelled)));
    }

    @Test
    void liveOrCompletedExecutionTakesTheNode() {
        String reason = "job already running or completed on this node";
        assertEquals(Rank.unsuitable(reason), rank(ranker, aJob(), aNode(1), anExecution(1).onNode(1).state(Running)));
        assertEquals(Rank.unsuitable(reason),
                rank(ranker, aJob(), aNode(1), anExecution(1).onNode(1).state(Completed)));
    }

    @Test
    void rejectedBidExcludesTheNode() {
        assertEquals(Rank.unsuitable("job rejected by this node"),
                rank(ranker, aJob(), aNode(1), anExecution(1).onNode(1).state(AskForBidRejected)));
    }

    @Test
    void executionsOfOlderVersionsDoNotCount() {
        assertEquals(Rank.score(30), rank(ranker, aJob().version(3), aNode(1),
                anExecution(1).onNode(1).state(Running).version(2),
                anExecution(2).onNode(1).state(Failed).version(1),
                anExecution(3).onNode(1).state(Failed).version(1)));
    }
}
