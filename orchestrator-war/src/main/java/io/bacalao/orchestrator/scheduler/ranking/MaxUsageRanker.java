package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.quantity.Quantities;

/** The job must fit the node's largest allowed job (MaxJobRequirements): +10, else a retryable refusal. */
public final class MaxUsageRanker implements NodeRanker {
    @Override
    public Rank rank(RankingInput input, NodeState node) {
        Resources max = node.info().computeNodeInfo().maxJobRequirements();
        Resources req = input.request();
        if (req.fitsIn(max)) return Rank.score(10);
        if (req.cpu() > max.cpu()) {
            return Rank.busy("job requires more CPU (" + Quantities.formatCpu(req.cpu())
                    + ") than the maximum available (" + Quantities.formatCpu(max.cpu()) + ")");
        }
        if (req.memory() > max.memory()) {
            return Rank.busy("job requires more Memory (" + Quantities.formatBytes(req.memory())
                    + ") than the maximum available (" + Quantities.formatBytes(max.memory()) + ")");
        }
        if (req.disk() > max.disk()) {
            return Rank.busy("job requires more Disk (" + Quantities.formatBytes(req.disk())
                    + ") than the maximum available (" + Quantities.formatBytes(max.disk()) + ")");
        }
        return Rank.busy("job requires more GPU (" + req.gpu() + ") than the maximum available (" + max.gpu() + ")");
    }
}
