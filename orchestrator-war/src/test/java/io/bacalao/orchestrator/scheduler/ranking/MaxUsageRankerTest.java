package io.bacalao.orchestrator.scheduler.ranking;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.ranking.Rankings.rank;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.ResourcesConfig;
import org.junit.jupiter.api.Test;

/**
 * Bacalhau's max-usage rule: a request that fits the node's MaxJobRequirements scores 10, no request is
 * neutral, a request beyond it is refused retryably ("busy") naming every exceeded dimension.
 */
class MaxUsageRankerTest {
    private static final Resources SMALL = Resources.of(1, 1_000_000_000L, 10_000_000_000L, 0);
    private final MaxUsageRanker ranker = new MaxUsageRanker();

    @Test
    void jobThatFitsScoresTen() {
        assertEquals(Rank.score(10), rank(ranker, aJob().resources("1", "1GB"), aNode(1).maxJob(SMALL)));
    }

    @Test
    void jobWithoutRequestIsNeutral() {
        assertEquals(Rank.score(0), rank(ranker, aJob(), aNode(1).maxJob(SMALL)));
    }

    @Test
    void tooMuchCpu() {
        assertEquals(Rank.busy("job requires more CPU (1.5) than the maximum available (1)",
                        Misfit.resource(Misfit.Kind.CPU, 1.5, 1)),
                rank(ranker, aJob().resources("1500m", ""), aNode(1).maxJob(SMALL)));
    }

    @Test
    void tooMuchMemory() {
        assertEquals(Rank.busy("job requires more memory (2.0 GB) than the maximum available (1.0 GB)",
                        Misfit.resource(Misfit.Kind.MEMORY, 2e9, 1e9)),
                rank(ranker, aJob().resources("", "2GB"), aNode(1).maxJob(SMALL)));
    }

    @Test
    void tooMuchDisk() {
        assertEquals(Rank.busy("job requires more disk (20 GB) than the maximum available (10 GB)",
                        Misfit.resource(Misfit.Kind.DISK, 2e10, 1e10)),
                rank(ranker, aJob().resources(new ResourcesConfig(null, null, "20GB", null)), aNode(1).maxJob(SMALL)));
    }

    @Test
    void tooManyGpus() {
        assertEquals(Rank.busy("job requires more GPUs (1) than the maximum available (0)",
                        Misfit.resource(Misfit.Kind.GPU, 1, 0)),
                rank(ranker, aJob().resources(new ResourcesConfig(null, null, null, "1")), aNode(1).maxJob(SMALL)));
    }

    @Test
    void everyExceededDimensionIsNamed() {
        assertEquals(Rank.busy("job requires more CPU (4) than the maximum available (1)"
                                + " and more memory (2.0 GB) than the maximum available (1.0 GB)",
                        Misfit.resource(Misfit.Kind.CPU, 4, 1), Misfit.resource(Misfit.Kind.MEMORY, 2e9, 1e9)),
                rank(ranker, aJob().resources("4", "2GB"), aNode(1).maxJob(SMALL)));
    }

    @Test
    void maxJobDefaultsToTheNodeCapacity() {
        assertEquals(Rank.score(10), rank(ranker, aJob().resources("8", "16GB"), aNode(1)));
    }
}
