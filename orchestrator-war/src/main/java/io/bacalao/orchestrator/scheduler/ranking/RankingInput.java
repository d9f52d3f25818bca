package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.selector.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What rankers judge nodes against: the job, its parsed request and constraints, and its executions so far
 * (every version; also indexed by node, so that ranking thousands of nodes stays linear), and the capacity
 * weights of its request ({@link AvailableCapacityRanker}), computed once per evaluation.
 */
public record RankingInput(Job job, Resources request, Selector constraints, List<Execution> executions,
                           RandomGenerator random, Map<String, List<Execution>> byNode, double[] capacityWeights) {

    public RankingInput {
        executions = List.copyOf(executions);
        byNode = Map.copyOf(byNode);
    }

    public static RankingInput of(Job job, List<Execution> executions, RandomGenerator random) {
        Map<String, List<Execution>> byNode = new HashMap<>();
        for (Execution e : executions) byNode.computeIfAbsent(e.nodeId(), k -> new ArrayList<>()).add(e);
        Resources request = Resources.parse(job.task().resources());
        return new RankingInput(job, request, Selector.of(job.constraints()), executions, random, byNode,
                AvailableCapacityRanker.weights(request));
    }

    public Task task() {
        return job.task();
    }

    /** The job's executions on one node, every version. */
    public List<Execution> executionsOn(String nodeId) {
        return byNode.getOrDefault(nodeId, List.of());
    }
}
