package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of ranking: how many nodes were considered, which fit (best first) and why the others do not. */
public record Selection(int available, List<RankedNode> suitable, List<RankedNode> unsuitable) {
    public Selection {
        suitable = List.copyOf(suitable);
        unsuitable = List.copyOf(unsuitable);
    }

    /**
     * Bacalhau's explanation for batch and service jobs: {@code not enough nodes to run job. requested: N,
     * available: A, suitable: S.} then one line per node, or per group of nodes sharing a reason.
     */
    public String notEnoughNodesMessage(int requested) {
        return "not enough nodes to run job. requested: " + requested + ", available: " + available
                + ", suitable: " + suitable.size() + "." + reasonLines();
    }

    /** Bacalhau's explanation for an ops job that matches no node. */
    public String noMatchingNodesMessage() {
        return "not matching nodes to run job out of " + available + " available nodes." + reasonLines();
    }

    /** {@code \n• Node n-xxxxxxxx: <reasons>} or {@code \n• k of A nodes: <reasons>}, in order of first appearance. */
    private String reasonLines() {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (RankedNode r : unsuitable) {
            byReason.computeIfAbsent(String.join("; ", r.reasons()), k -> new ArrayList<>())
                    .add(Ids.shortId(r.node().id()));
        }
        StringBuilder sb = new StringBuilder();
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

    /** Every ranked node, suitable ones first. */
    public List<RankedNode> all() {
        List<RankedNode> all = new ArrayList<>(suitable);
        all.addAll(unsuitable);
        return all;
    }
}
