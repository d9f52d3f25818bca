package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of ranking: how many nodes were considered, which fit (best first) and why the others do not. */
public record Selection(int available, List<RankedNode> suitable, List<RankedNode> unsuitable) {

    /**
     * Bacalhau's explanation: {@code not enough nodes to run job. requested: N, available: A, suitable: S.}
     * then one line per node, or per group of nodes sharing a reason when more than one has it.
     */
    public String notEnoughNodesMessage(int requested) {
        StringBuilder sb = new StringBuilder("not enough nodes to run job. requested: ").append(requested)
                .append(", available: ").append(available).append(", suitable: ").append(suitable.size()).append('.');
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (RankedNode r : unsuitable) {
            byReason.computeIfAbsent(String.join("; ", r.reasons()), k -> new java.util.ArrayList<>())
                    .add(Ids.shortId(r.node().id()));
        }
        byReason.forEach((reason, nodes) -> {
            sb.append("\n• ");
            if (nodes.size() == 1) {
                sb.append("Node ").append(nodes.get(0));
            } else {
                sb.append(nodes.size()).append(" of ").append(available).append(" nodes");
            }
            sb.append(": ").append(reason);
        });
        return sb.toString();
    }

    /** True when every refusal may resolve by itself (busy nodes), so waiting makes sense. */
    public boolean retryable() {
        return !unsuitable.isEmpty() && unsuitable.stream().allMatch(RankedNode::retryable);
    }
}
