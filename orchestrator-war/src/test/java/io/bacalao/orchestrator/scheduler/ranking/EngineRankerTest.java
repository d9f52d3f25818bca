package io.bacalao.orchestrator.scheduler.ranking;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.ranking.Rankings.rank;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EngineRankerTest {
    private final EngineRanker ranker = new EngineRanker();

    @Test
    void supportedEngineScoresTen() {
        assertEquals(Rank.score(10), rank(ranker, aJob().engine("docker"), aNode(1)));
    }

    @Test
    void engineTypesCompareCaseInsensitively() {
        assertEquals(Rank.score(10), rank(ranker, aJob().engine("WASM"), aNode(1)));
    }

    @Test
    void unsupportedEngineIsUnsuitableForGood() {
        assertEquals(Rank.unsuitable("does not support vroomvroom, only docker, wasm",
                        Misfit.of(Misfit.Kind.ENGINE, "vroomvroom")),
                rank(ranker, aJob().engine("vroomvroom"), aNode(1)));
    }
}
