package io.bacalao.orchestrator.scheduler.ranking;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.ranking.Rankings.rank;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.Resources;
import org.junit.jupiter.api.Test;

/** Running + queued + this job may reach 1.5 × the node's capacity; beyond that the node is busy (retryable). */
class OverSubscriptionRankerTest {
    private static final Resources TWO_CPU = Resources.of(2, 4_000_000_000L, 100_000_000_000L, 0);
    private final OverSubscriptionRanker ranker = new OverSubscriptionRanker();

    @Test
    void idleNodeIsNeutral() {
        assertEquals(Rank.score(0), rank(ranker, aJob().resources("2", "1GB"), aNode(1).capacity(TWO_CPU)));
    }

    @Test
    void upToHalfAgainMoreThanCapacityIsAllowed() {
        var half = aNode(1).capacity(TWO_CPU).available(Resources.of(1, 4_000_000_000L, 100_000_000_000L, 0));
        // 1 running + 2 asked = 3 = 2 x 1.5
        assertEquals(Rank.score(0), rank(ranker, aJob().resources("2", ""), half));
    }

    @Test
    void beyondOneAndAHalfTimesCapacityTheNodeIsBusy() {
        var full = aNode(1).capacity(TWO_CPU).available(Resources.of(0, 4_000_000_000L, 100_000_000_000L, 0))
                .queued(Resources.of(0.5, 0, 0, 0));
        assertEquals(Rank.busy("node busy with available capacity {CPU: 0, Memory: 4.0 GB, Disk: 100 GB, GPU: 0}"
                        + " and queue capacity {CPU: 0.5, Memory: 0 B, Disk: 0 B, GPU: 0}",
                        Misfit.of(Misfit.Kind.BUSY, "")),
                rank(ranker, aJob().resources("1", ""), full));
    }

    @Test
    void emptyQueueIsNotMentioned() {
        var full = aNode(1).capacity(TWO_CPU).available(Resources.of(0, 4_000_000_000L, 100_000_000_000L, 0));
        assertEquals("node busy with available capacity {CPU: 0, Memory: 4.0 GB, Disk: 100 GB, GPU: 0}",
                rank(ranker, aJob().resources("1100m", ""), full).reason());
    }

    @Test
    void nodeWithoutReportedCapacityIsUnknown() {
        Rank r = rank(ranker, aJob().resources("1", ""), aNode(1).capacity(Resources.ZERO));
        assertEquals(Rank.busy("node queue usage is unknown", Misfit.of(Misfit.Kind.CAPACITY_UNKNOWN, "")), r);
    }
}
