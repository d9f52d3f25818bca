package io.bacalao.orchestrator.scheduler.ranking;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.orchestrator.scheduler.Scenario;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomRankerTest {
    private final RandomRanker ranker = new RandomRanker();

    @Test
    void scoresZeroToFourFromTheInjectedRandom() {
        RankingInput input = Rankings.input(aJob());
        Set<Integer> seen = new HashSet<>();
        IntStream.range(0, 200).forEach(i -> seen.add(ranker.rank(input, aNode(1).build(Scenario.NOW)).score()));
        assertEquals(Set.of(0, 1, 2, 3, 4), seen);
    }

    @Test
    void sameSeedSameScores() {
        RankingInput a = Rankings.input(aJob());
        RankingInput b = Rankings.input(aJob());
        IntStream.range(0, 20).forEach(i -> assertEquals(ranker.rank(a, aNode(i).build(Scenario.NOW)),
                ranker.rank(b, aNode(i).build(Scenario.NOW))));
        assertTrue(ranker.rank(a, aNode(1).build(Scenario.NOW)).suitable());
    }
}
