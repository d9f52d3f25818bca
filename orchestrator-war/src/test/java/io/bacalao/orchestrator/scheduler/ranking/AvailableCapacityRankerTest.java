package io.bacalao.orchestrator.scheduler.ranking;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.ranking.Rankings.rank;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.Resources;
import org.junit.jupiter.api.Test;

/** 80 points for free capacity and 20 for an empty queue, weighted by what the job asks for. */
class AvailableCapacityRankerTest {
    private static final Resources MAX = Resources.of(8, 16_000_000_000L, 100_000_000_000L, 2);
    private static final Resources HALF = Resources.of(4, 8_000_000_000L, 50_000_000_000L, 1);
    private final AvailableCapacityRanker ranker = new AvailableCapacityRanker();

    @Test
    void idleNodeScoresHundred() {
        assertEquals(Rank.score(100), rank(ranker, aJob().resources("1", "1GB"), aNode(1).capacity(MAX)));
    }

    @Test
    void halfFreeNodeScoresSixty() {
        assertEquals(Rank.score(60),
                rank(ranker, aJob().resources("1", "1GB"), aNode(1).capacity(MAX).available(HALF)));
    }

    @Test
    void fullQueueCostsTheTwentyQueuePoints() {
        assertEquals(Rank.score(80), rank(ranker, aJob().resources("1", "1GB"), aNode(1).capacity(MAX).queued(MAX)));
        assertEquals(Rank.score(90), rank(ranker, aJob().resources("1", "1GB"), aNode(1).capacity(MAX).queued(HALF)));
    }

    @Test
    void onlyRequestedDimensionsCount() {
        var cpuFreeOnly = aNode(1).capacity(MAX).available(Resources.of(8, 0, 0, 0));
        assertEquals(Rank.score(100), rank(ranker, aJob().resources("2", ""), cpuFreeOnly));
        assertEquals(Rank.score(20), rank(ranker, aJob().resources("", "1GB"), cpuFreeOnly));
    }

    @Test
    void jobWithoutRequestUsesDefaultWeights() {
        // 0.4 CPU + 0.3 memory + 0.2 disk + 0.1 GPU, all half free: 80 * 0.5 + 20
        assertEquals(Rank.score(60), rank(ranker, aJob(), aNode(1).capacity(MAX).available(HALF)));
        // no GPU on the node: its 0.1 share never counts as free
        assertEquals(Rank.score(92), rank(ranker, aJob(), aNode(1)));
    }

    @Test
    void nodeWithUnknownCapacityOnlyGetsTheQueuePoints() {
        assertEquals(Rank.score(20), rank(ranker, aJob().resources("1", ""), aNode(1).capacity(Resources.ZERO)));
    }
}
