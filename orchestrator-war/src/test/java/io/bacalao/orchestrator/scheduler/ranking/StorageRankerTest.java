package io.bacalao.orchestrator.scheduler.ranking;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.ranking.Rankings.rank;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StorageRankerTest {
    private final StorageRanker ranker = new StorageRanker();

    @Test
    void jobWithoutInputsIsNeutral() {
        assertEquals(Rank.score(0), rank(ranker, aJob(), aNode(1).storages()));
    }

    @Test
    void everyInputReadableScoresTen() {
        assertEquals(Rank.score(10),
                rank(ranker, aJob().inputFrom("s3").inputFrom("urlDownload"), aNode(1).storages("urlDownload", "s3")));
    }

    @Test
    void oneUnreadableInputMakesTheNodeUnsuitable() {
        assertEquals(Rank.unsuitable("does not support ipfs, only urlDownload, s3", Misfit.of(Misfit.Kind.STORAGE, "ipfs")),
                rank(ranker, aJob().inputFrom("s3").inputFrom("ipfs"), aNode(1).storages("urlDownload", "s3")));
    }
}
