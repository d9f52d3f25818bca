package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.UnixNanos;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything a scheduler may look at, read in one snapshot: the job, all its executions (every version),
 * every known node (connected or not) and the evaluation being processed.
 */
public record SchedulingContext(Job job, List<Execution> executions, List<NodeState> nodes, Evaluation evaluation,
                                Instant now, SchedulerSettings settings) {
    public SchedulingContext {
        executions = List.copyOf(executions);
        nodes = List.copyOf(nodes);
    }

    public long nowNanos() {
        return UnixNanos.of(now);
    }

    public Map<String, NodeState> nodesById() {
        return nodes.stream().collect(Collectors.toMap(NodeState::id, Function.identity(), (a, b) -> a));
    }

    /** Approved, connected compute nodes: the only candidates for new executions. */
    public List<NodeState> schedulableNodes() {
        return nodes.stream().filter(NodeState::isSchedulable).toList();
    }

    public List<Execution> currentVersionExecutions() {
        return executions.stream().filter(e -> e.jobVersion() == job.version()).toList();
    }
}
