package io.bacalao.orchestrator.scheduler.ranking;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.ranking.Rankings.rank;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.ResourcesConfig;
import org.junit.jupiter.api.Test;

/** MaxJobRequirements refusals are retryable ("busy"): the node may accept bigger jobs later. */
class MaxUsageRankerTest {
    private static final Resources SMALL = Resources.of(1, 1_000_000_000L, 10_000_000_000L, 0);
    private final MaxUsageRanker ranker = new MaxUsageRanker();

    @Test
    void jobThatFitsScoresTen() {
        assertEquals(Rank.score(10), rank(ranker, aJob().resources("1", "1GB"), aNode(1).maxJob(SMALL)));
    }

    @Test
    void tooMuchCpu() {
        assertEquals(Rank.busy("job requires more CPU (1.5) than the maximum available (1)"),
                rank(ranker, aJob().resources("1500m", ""), aNode(1).maxJob(SMALL)));
    }

    @Test
    void tooMuchMemory() {
        assertEquals(Rank.busy("job requires more Memory (2.0 GB) than the maximum available (1.0 GB)"),
                rank(ranker, aJob().resources("", "2GB"), aNode(1).maxJob(SMALL)));
    }

    @Test
    void tooMuchDisk() {
        assertEquals(Rank.busy("job requires more Disk (20 GB) than the maximum available (10 GB)"),
                rank(ranker, aJob().resources(new ResourcesConfig(null, null, "20GB", null)), aNode(1).maxJob(SMALL)));
    }

    @Test
    void tooManyGpus() {
        assertEquals(Rank.busy("job requires more GPU (1) than the maximum available (0)"),
                rank(ranker, aJob().resources(new ResourcesConfig(null, null, null, "1")), aNode(1).maxJob(SMALL)));
    }

    @Test
    void maxJobDefaultsToTheNodeCapacity() {
        assertEquals(Rank.score(10), rank(ranker, aJob().resources("8", "16GB"), aNode(1)));
    }
}
