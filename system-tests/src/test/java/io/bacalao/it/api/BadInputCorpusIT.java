package io.bacalao.it.api;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.bacalao.it.api.corpus.CorpusCase;
import io.bacalao.it.api.corpus.CorpusLoader;
import io.bacalao.it.api.corpus.CorpusRunner;
import io.bacalao.it.api.corpus.SystemHealth;
import io.bacalao.it.support.SharedCluster;
import io.bacalao.it.support.TestCluster;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared bad-input corpus ({@code src/test/resources/bad-inputs/*.json}, format in {@link CorpusCase}) against
 * one real cluster: each case gets its expected status, Bacalhau's error body, message and code (or, for a job
 * that is accepted, its terminal state and reason), and after all of them the system is still healthy.
 */
@ExtendWith(SharedCluster.class)
class BadInputCorpusIT {

    @TestFactory
    Stream<DynamicNode> everyCaseGetsItsAnswerAndTheSystemStaysHealthy(TestCluster cluster) {
        Map<String, List<CorpusCase>> corpus = CorpusLoader.load(CorpusLoader.folder());
        assertFalse(corpus.isEmpty(), "no corpus files in " + CorpusLoader.folder());
        CorpusRunner runner = new CorpusRunner(cluster.api(), cluster.apiPort());
        Stream<DynamicNode> files = corpus.entrySet().stream().map(f -> DynamicContainer.dynamicContainer(
                f.getKey() + " (" + f.getValue().size() + " cases)",
                f.getValue().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> runner.run(c)))));
        DynamicTest healthy = DynamicTest.dynamicTest("afterwards the system is still healthy",
                () -> SystemHealth.assertHealthy(cluster));
        return Stream.concat(files, Stream.of(healthy));
    }
}
