package io.bacalao.orchestrator.scheduler.explain;

import io.bacalao.domain.model.ComputeNodeInfo;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.quantity.Quantities;
import io.bacalao.orchestrator.scheduler.ranking.Misfit;
import java.util.ArrayList;
import java.util.List;

/**
 * One phrase per misfit: what the job needs, what the node or the cluster offers, and — when no node could
 * take the job as it is — what would make it fit, in terms of the CLI flags a user would change.
 */
final class Diagnoses {
    private final ClusterFacts facts;
    private final Resources request;

    Diagnoses(ClusterFacts facts, Resources request) {
        this.facts = facts;
        this.request = request;
    }

    String of(Misfit m, NodeState node) {
        return switch (m.kind()) {
            case ENGINE -> feature(m, "engine", "runs", "use one of those engines");
            case PUBLISHER -> feature(m, "publisher", "offers", "choose another --publisher");
            case STORAGE -> feature(m, "input source type", "reads", "use another kind of input");
            case LABEL -> facts.someNodeOffers(m) ? "lacks label " + m.subject()
                    : "needs label " + m.subject() + " — no connected node has it; change --constraints"
                    + " or add a node with that label (config key Labels)";
            case CPU, MEMORY, DISK, GPU -> resource(m);
            case BUSY -> busy(node.info().computeNodeInfo());
            case CAPACITY_UNKNOWN -> "has not reported its capacity yet — it is considered after its next node info update";
            case HOLDS_JOB -> "already runs or completed a partition of this job — each partition needs its own node;"
                    + " lower --count or add nodes";
            case REFUSED_BID -> "refused to bid on the job (" + m.subject() + ")";
            case TOO_MANY_ATTEMPTS -> "already failed this job twice — it is not tried there again";
        };
    }

    private String feature(Misfit m, String what, String verb, String alternative) {
        if (facts.someNodeOffers(m)) return "does not offer " + what + " " + m.subject();
        return "needs " + what + " " + m.subject() + " — no connected node " + verb + " it (they offer "
                + String.join(", ", facts.offered(m.kind())) + "); " + alternative + " or add a node that "
                + verb + " " + m.subject();
    }

    private String resource(Misfit m) {
        String needed = amount(m.kind(), m.needed());
        if (facts.someNodeOffers(m)) {
            return "needs " + needed + ", this node offers at most " + amount(m.kind(), m.offered());
        }
        return "needs " + needed + ", largest node offers " + amount(m.kind(), facts.largest(m.kind()))
                + " — lower " + flag(m.kind()) + " or add a node with ≥ " + needed;
    }

    private String busy(ComputeNodeInfo info) {
        List<String> free = new ArrayList<>();
        Resources avail = info.availableCapacity();
        Resources max = info.maxCapacity();
        Resources queued = info.queueCapacity();
        for (Misfit.Kind k : List.of(Misfit.Kind.CPU, Misfit.Kind.MEMORY, Misfit.Kind.DISK, Misfit.Kind.GPU)) {
            if (ClusterFacts.amount(k, request) <= 0 && !(k == Misfit.Kind.CPU && request.isZero())) continue;
            String part = amount(k, ClusterFacts.amount(k, avail)) + " of " + amount(k, ClusterFacts.amount(k, max))
                    + " free";
            if (ClusterFacts.amount(k, queued) > 0) part += ", " + amount(k, ClusterFacts.amount(k, queued)) + " queued";
            free.add(part);
        }
        return "busy (" + String.join("; ", free) + ") — the job is placed when running work frees capacity,"
                + " within its queue timeout (--queue-timeout)";
    }

    static String amount(Misfit.Kind kind, double value) {
        return switch (kind) {
            case CPU -> Quantities.formatCpu(value) + " CPU";
            case MEMORY -> Quantities.formatBytes((long) value) + " memory";
            case DISK -> Quantities.formatBytes((long) value) + " disk";
            default -> (long) value + " GPU";
        };
    }

    private static String flag(Misfit.Kind kind) {
        return switch (kind) {
            case CPU -> "--cpu";
            case MEMORY -> "--memory";
            case DISK -> "--disk";
            default -> "--gpu";
        };
    }
}
