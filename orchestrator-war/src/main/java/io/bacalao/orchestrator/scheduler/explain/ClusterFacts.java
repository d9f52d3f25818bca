package io.bacalao.orchestrator.scheduler.explain;

import io.bacalao.domain.model.ComputeNodeInfo;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.selector.Requirement;
import io.bacalao.domain.selector.Selector;
import io.bacalao.orchestrator.scheduler.ranking.Misfit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the candidate nodes offer as a whole, so that a diagnosis can say "no node runs X" or "largest node
 * offers Y" instead of repeating one node's view.
 */
final class ClusterFacts {
    private final List<NodeState> nodes;
    private final Selector constraints;

    ClusterFacts(List<NodeState> nodes, Selector constraints) {
        this.nodes = nodes;
        this.constraints = constraints;
    }

    /** Whether some candidate offers what the misfit says is missing. */
    boolean someNodeOffers(Misfit m) {
        return switch (m.kind()) {
            case ENGINE -> nodes.stream().anyMatch(n -> info(n).supportsEngine(m.subject()));
            case PUBLISHER -> nodes.stream().anyMatch(n -> info(n).supportsPublisher(m.subject()));
            case STORAGE -> nodes.stream().anyMatch(n -> info(n).supportsStorage(m.subject()));
            case LABEL -> nodes.stream().anyMatch(n -> requirement(m.subject()).matches(n.info().labels()));
            case CPU, MEMORY, DISK, GPU -> largest(m.kind()) >= m.needed();
            default -> true;
        };
    }

    /** Every engine (or publisher, or input type) some candidate offers, sorted. */
    Set<String> offered(Misfit.Kind kind) {
        Function<ComputeNodeInfo, List<String>> of = switch (kind) {
            case ENGINE -> ComputeNodeInfo::executionEngines;
            case PUBLISHER -> ComputeNodeInfo::publishers;
            default -> ComputeNodeInfo::storageSources;
        };
        Set<String> all = new TreeSet<>();
        nodes.forEach(n -> all.addAll(of.apply(info(n))));
        return all;
    }

    /** The largest job any candidate takes in one resource dimension (cores, bytes or a count). */
    double largest(Misfit.Kind kind) {
        return nodes.stream().map(n -> info(n).maxJobRequirements()).mapToDouble(r -> amount(kind, r)).max().orElse(0);
    }

    static double amount(Misfit.Kind kind, Resources r) {
        return switch (kind) {
            case CPU -> r.cpu();
            case MEMORY -> r.memory();
            case DISK -> r.disk();
            default -> r.gpu();
        };
    }

    private Requirement requirement(String text) {
        return constraints.requirements().stream().filter(r -> r.toString().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no constraint " + text));
    }

    private static ComputeNodeInfo info(NodeState n) {
        return n.info().computeNodeInfo();
    }
}
