package io.bacalao.orchestrator.scheduler.explain;

import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.NodeMembership;
import io.bacalao.domain.model.NodeState;
import io.bacalao.orchestrator.scheduler.ranking.Misfit;
import io.bacalao.orchestrator.scheduler.ranking.RankedNode;
import io.bacalao.orchestrator.scheduler.ranking.RankingInput;
import io.bacalao.orchestrator.scheduler.ranking.Selection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Beyond Bacalhau: turns a selection that placed fewer nodes than a job needs into a {@link PlacementExplanation}
 * — one line per node or group of nodes with the same diagnosis, then the compute nodes that were not candidates
 * (awaiting approval, disconnected) and, when too few nodes fit, how many more are needed.
 */
public final class PlacementExplainer {
    private static final int NAMED_NODES = 3;

    private PlacementExplainer() {
    }

    /**
     * @param requested nodes the job still needs (its remaining partitions; 1 for ops and daemon jobs)
     * @param allNodes  every node the orchestrator knows, candidates or not
     */
    public static PlacementExplanation explain(RankingInput input, Selection selection, int requested,
                                               List<NodeState> allNodes) {
        List<NodeState> candidates = selection.all().stream().map(RankedNode::node).toList();
        Diagnoses diagnoses = new Diagnoses(new ClusterFacts(candidates, input.constraints()), input.request());
        Map<String, List<String>> byDiagnosis = new LinkedHashMap<>();
        for (RankedNode r : selection.unsuitable()) {
            List<String> phrases = new ArrayList<>();
            // a job larger than the node's largest job also over-subscribes it: the size is the reason to report
            boolean tooBig = r.misfits().stream().anyMatch(m -> m.kind().isResource());
            for (Misfit m : r.misfits()) {
                if (tooBig && m.kind() == Misfit.Kind.BUSY) continue;
                String p = diagnoses.of(m, r.node());
                if (!phrases.contains(p)) phrases.add(p);
            }
            if (phrases.isEmpty()) phrases.addAll(r.reasons());
            byDiagnosis.computeIfAbsent(String.join("; ", phrases), k -> new ArrayList<>()).add(r.node().id());
        }
        List<String> lines = new ArrayList<>();
        byDiagnosis.forEach((text, nodes) -> lines.add("• " + who(nodes, selection.available()) + ": " + text));
        lines.addAll(notCandidates(allNodes));
        int suitable = selection.suitable().size();
        if (selection.available() == 0) {
            lines.add("• no compute node is connected — start one ('bacalao serve --compute') or wait for nodes to join");
        } else if (suitable < requested && requested > 1) {
            lines.add(shortfall(requested, suitable));
        }
        return new PlacementExplanation(requested, selection.available(), suitable, lines);
    }

    private static String who(List<String> nodeIds, int available) {
        if (nodeIds.size() == 1) return "Node " + Ids.shortId(nodeIds.get(0));
        List<String> named = nodeIds.stream().limit(NAMED_NODES).map(Ids::shortId).toList();
        return nodeIds.size() + " of " + available + " nodes (" + String.join(", ", named)
                + (nodeIds.size() > NAMED_NODES ? ", …" : "") + ")";
    }

    /** Compute nodes that were not candidates: awaiting approval, rejected, or disconnected. */
    private static List<String> notCandidates(List<NodeState> allNodes) {
        Map<NodeMembership, List<String>> byMembership = new LinkedHashMap<>();
        List<String> disconnected = new ArrayList<>();
        for (NodeState n : allNodes) {
            if (!n.info().isCompute() || n.isSchedulable()) continue;
            if (n.membership() == NodeMembership.APPROVED) {
                disconnected.add(n.id());
            } else {
                byMembership.computeIfAbsent(n.membership(), k -> new ArrayList<>()).add(n.id());
            }
        }
        List<String> lines = new ArrayList<>();
        List<String> pending = byMembership.getOrDefault(NodeMembership.PENDING, List.of());
        if (!pending.isEmpty()) {
            lines.add("• " + nodes(pending) + (pending.size() == 1 ? " waits" : " wait")
                    + " for approval — approve with 'bacalao node approve <id>'");
        }
        List<String> rejected = byMembership.getOrDefault(NodeMembership.REJECTED, List.of());
        if (!rejected.isEmpty()) {
            lines.add("• " + nodes(rejected) + (rejected.size() == 1 ? " was" : " were") + " rejected by an operator");
        }
        if (!disconnected.isEmpty()) {
            lines.add("• " + nodes(disconnected) + (disconnected.size() == 1 ? " is" : " are")
                    + " disconnected — considered again on reconnecting");
        }
        return lines;
    }

    private static String nodes(List<String> ids) {
        if (ids.size() == 1) return "Node " + Ids.shortId(ids.get(0));
        return ids.size() + " nodes (" + String.join(", ", ids.stream().limit(NAMED_NODES).map(Ids::shortId).toList())
                + (ids.size() > NAMED_NODES ? ", …" : "") + ")";
    }

    private static String shortfall(int requested, int suitable) {
        return "• needs " + requested + " nodes (one per partition), " + suitable + " fit — lower --count"
                + (suitable > 0 ? " to " + suitable : "") + " or add " + (requested - suitable) + " matching node"
                + (requested - suitable == 1 ? "" : "s");
    }
}
