package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.quantity.Quantities;
import java.util.ArrayList;
import java.util.List;

/**
 * The job must fit the node's largest allowed job (MaxJobRequirements), as Bacalhau's max-usage ranker:
 * a job that asks for nothing is neutral (0); one that fits scores +10; otherwise the node is unsuitable,
 * retryably, with every exceeded dimension named ("job requires more CPU (2) than the maximum available (1)
 * and more memory (…) than …").
 */
public final class MaxUsageRanker implements NodeRanker {
    private static final String PER_RESOURCE = "more %s (%s) than the maximum available (%s)";

    @Override
    public Rank rank(RankingInput input, NodeState node) {
        Resources req = input.request();
        if (req.isZero()) return Rank.score(0);
        Resources max = node.info().computeNodeInfo().maxJobRequirements();
        if (req.fitsIn(max)) return Rank.score(10);
        List<String> parts = new ArrayList<>();
        List<Misfit> misfits = new ArrayList<>();
        if (!Resources.of(req.cpu(), 0, 0, 0).fitsIn(max)) {
            parts.add(PER_RESOURCE.formatted("CPU", Quantities.formatCpu(req.cpu()), Quantities.formatCpu(max.cpu())));
            misfits.add(Misfit.resource(Misfit.Kind.CPU, req.cpu(), max.cpu()));
        }
        if (req.memory() > max.memory()) {
            parts.add(PER_RESOURCE.formatted("memory", Quantities.formatBytes(req.memory()), Quantities.formatBytes(max.memory())));
            misfits.add(Misfit.resource(Misfit.Kind.MEMORY, req.memory(), max.memory()));
        }
        if (req.disk() > max.disk()) {
            parts.add(PER_RESOURCE.formatted("disk", Quantities.formatBytes(req.disk()), Quantities.formatBytes(max.disk())));
            misfits.add(Misfit.resource(Misfit.Kind.DISK, req.disk(), max.disk()));
        }
        if (req.gpu() > max.gpu()) {
            parts.add(PER_RESOURCE.formatted("GPUs", req.gpu(), max.gpu()));
            misfits.add(Misfit.resource(Misfit.Kind.GPU, req.gpu(), max.gpu()));
        }
        return Rank.busy("job requires " + String.join(" and ", parts), misfits.toArray(Misfit[]::new));
    }
}
