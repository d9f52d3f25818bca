package io.bacalao.orchestrator.scheduler.explain;

import static io.bacalao.orchestrator.scheduler.ExecutionBuilder.anExecution;
import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NodeMembership;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.Resources;
import io.bacalao.orchestrator.scheduler.ExecutionBuilder;
import io.bacalao.orchestrator.scheduler.JobBuilder;
import io.bacalao.orchestrator.scheduler.NodeBuilder;
import io.bacalao.orchestrator.scheduler.Scenario;
import io.bacalao.orchestrator.scheduler.ranking.NodeSelector;
import io.bacalao.orchestrator.scheduler.ranking.RankingInput;
import io.bacalao.orchestrator.scheduler.ranking.Selection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Beyond Bacalhau: per node or group of nodes, why the job does not fit and what would make it fit. */
class PlacementExplainerTest {
    private static final long GB = 1_000_000_000L;

    private static PlacementExplanation explain(JobBuilder job, int requested, List<ExecutionBuilder> executions,
                                                NodeBuilder... nodes) {
        Job j = job.build(Scenario.NOW);
        List<NodeState> all = Arrays.stream(nodes).map(n -> n.build(Scenario.NOW)).toList();
        RankingInput input = RankingInput.of(j, executions.stream().map(e -> e.build(j, Scenario.NOW)).toList(),
                new Random(Scenario.SEED));
        Selection s = NodeSelector.standard().select(input, all.stream().filter(NodeState::isSchedulable).toList());
        return PlacementExplainer.explain(input, s, requested, all);
    }

    private static PlacementExplanation explain(JobBuilder job, NodeBuilder... nodes) {
        return explain(job, 1, List.of(), nodes);
    }

    private static NodeBuilder cpus(int n, double cpu) {
        return aNode(n).capacity(Resources.of(cpu, 16 * GB, 100 * GB, 0));
    }

    @Test
    void tooMuchCpuNamesTheLargestNodeAndTheFix() {
        PlacementExplanation why = explain(aJob().resources("4", ""), cpus(1, 1.6), cpus(2, 1));
        assertEquals(List.of("• 2 of 2 nodes (n-00000001, n-00000002): needs 4 CPU, largest node offers 1.6 CPU"
                + " — lower --cpu or add a node with ≥ 4 CPU"), why.lines());
    }

    @Test
    void memoryOnOneSmallNodeWhileABigOneExistsIsAPerNodeFact() {
        PlacementExplanation why = explain(aJob().count(2).resources("", "8GB"), 2, List.of(),
                aNode(1).capacity(Resources.of(8, 4 * GB, 100 * GB, 0)), aNode(2));
        assertEquals(List.of("• Node n-00000001: needs 8.0 GB memory, this node offers at most 4.0 GB memory",
                "• needs 2 nodes (one per partition), 1 fit — lower --count to 1 or add 1 matching node"), why.lines());
        assertEquals(Map.of("NodesRequested", "2", "NodesAvailable", "2", "NodesSuitable", "1",
                "Why", String.join("\n", why.lines())), why.details());
    }

    @Test
    void aLabelNoNodeHas() {
        PlacementExplanation why = explain(aJob().constraint("region", "=", "eu"), aNode(1).label("region", "us"));
        assertEquals(List.of("• Node n-00000001: needs label region=eu — no connected node has it; change"
                + " --constraints or add a node with that label (config key Labels)"), why.lines());
    }

    @Test
    void aLabelSomeOtherNodeHasIsOnlyMissingHere() {
        PlacementExplanation why = explain(aJob().count(2).constraint("region", "in", "eu", "us"), 2, List.of(),
                aNode(1).label("region", "ap"), aNode(2).label("region", "eu"));
        assertEquals("• Node n-00000001: lacks label region in (eu,us)", why.lines().get(0));
    }

    @Test
    void anEngineNobodyRuns() {
        PlacementExplanation why = explain(aJob().engine("vroomvroom"), aNode(1), aNode(2).engines("noop"));
        assertEquals(List.of("• 2 of 2 nodes (n-00000001, n-00000002): needs engine vroomvroom — no connected node runs"
                + " it (they offer docker, noop, wasm); use one of those engines or add a node that runs vroomvroom"),
                why.lines());
    }

    @Test
    void aPublisherNobodyOffers() {
        assertEquals(List.of("• Node n-00000001: needs publisher ipfs — no connected node offers it (they offer local,"
                        + " s3); choose another --publisher or add a node that offers ipfs"),
                explain(aJob().publisher("ipfs"), aNode(1)).lines());
    }

    @Test
    void aBusyNodeSaysWhatIsFreeAndThatTheJobWillWait() {
        var busy = aNode(1).capacity(Resources.of(1, 2 * GB, 100 * GB, 0))
                .available(Resources.of(0, 2 * GB, 100 * GB, 0)).queued(Resources.of(1, 0, 0, 0));
        assertEquals(List.of("• Node n-00000001: busy (0 CPU of 1 CPU free, 1 CPU queued) — the job is placed when"
                + " running work frees capacity, within its queue timeout (--queue-timeout)"),
                explain(aJob().resources("1", ""), busy).lines());
    }

    @Test
    void nodesThatAreNotCandidatesAreListedWithWhatToDo() {
        PlacementExplanation why = explain(aJob(), aNode(1).membership(NodeMembership.PENDING), aNode(2).disconnected(),
                aNode(3).disconnected());
        assertEquals(List.of("• Node n-00000001 waits for approval — approve with 'bacalao node approve <id>'",
                "• 2 nodes (n-00000002, n-00000003) are disconnected — considered again on reconnecting",
                "• no compute node is connected — start one ('bacalao serve --compute') or wait for nodes to join"),
                why.lines());
    }

    @Test
    void aPartitionAlreadyOnEveryNode() {
        var running = anExecution(1).onNode(1).partition(0).state(ExecutionStateType.Running);
        PlacementExplanation why = explain(aJob().count(2), 1, List.of(running), aNode(1));
        assertEquals(List.of("• Node n-00000001: already runs or completed a partition of this job — each partition"
                + " needs its own node; lower --count or add nodes"), why.lines());
    }

    @Test
    void aRefusedBidQuotesTheNode() {
        var refused = anExecution(1).onNode(1).state(ExecutionStateType.AskForBidRejected);
        PlacementExplanation why = explain(aJob(), 1, List.of(refused), aNode(1));
        assertEquals("• Node n-00000001: refused to bid on the job ()", why.lines().get(0));
    }

    @Test
    void severalMisfitsOfOneNodeShareItsLine() {
        PlacementExplanation why = explain(aJob().engine("vroomvroom").constraint("gpu", "exists"), aNode(1));
        assertEquals(List.of("• Node n-00000001: needs engine vroomvroom — no connected node runs it (they offer"
                + " docker, wasm); use one of those engines or add a node that runs vroomvroom; needs label gpu —"
                + " no connected node has it; change --constraints or add a node with that label (config key Labels)"),
                why.lines());
    }
}
