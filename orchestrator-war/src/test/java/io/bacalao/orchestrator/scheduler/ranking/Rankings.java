package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NodeState;
import io.bacalao.orchestrator.scheduler.ExecutionBuilder;
import io.bacalao.orchestrator.scheduler.JobBuilder;
import io.bacalao.orchestrator.scheduler.NodeBuilder;
import io.bacalao.orchestrator.scheduler.Scenario;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Runs one ranker on one node for a job, with the scenario's fixed time and seed. */
final class Rankings {
    private Rankings() {
    }

    static Rank rank(NodeRanker ranker, JobBuilder job, NodeBuilder node, ExecutionBuilder... executions) {
        return ranker.rank(input(job, executions), node.build(Scenario.NOW));
    }

    static RankingInput input(JobBuilder job, ExecutionBuilder... executions) {
        Job j = job.build(Scenario.NOW);
        List<Execution> known = Arrays.stream(executions).map(e -> e.build(j, Scenario.NOW)).toList();
        return RankingInput.of(j, known, new Random(Scenario.SEED));
    }

    static List<NodeState> nodes(NodeBuilder... nodes) {
        return Arrays.stream(nodes).map(n -> n.build(Scenario.NOW)).toList();
    }
}
