package io.bacalao.orchestrator.scheduler.ranking;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.ranking.Rankings.rank;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PublisherRankerTest {
    private final PublisherRanker ranker = new PublisherRanker();

    @Test
    void jobWithoutPublisherIsNeutral() {
        assertEquals(Rank.score(0), rank(ranker, aJob(), aNode(1).publishers()));
    }

    @Test
    void offeredPublisherScoresTen() {
        assertEquals(Rank.score(10), rank(ranker, aJob().publisher("S3"), aNode(1).publishers("local", "s3")));
    }

    @Test
    void missingPublisherIsUnsuitable() {
        assertEquals(Rank.unsuitable("does not support ipfs, only local, s3", Misfit.of(Misfit.Kind.PUBLISHER, "ipfs")),
                rank(ranker, aJob().publisher("ipfs"), aNode(1).publishers("local", "s3")));
    }
}
