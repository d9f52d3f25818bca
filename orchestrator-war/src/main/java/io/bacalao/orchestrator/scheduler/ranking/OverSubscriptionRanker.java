package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.Resources;

/**
 * Keeps a node from being over-subscribed beyond {@link #FACTOR} times its capacity: what runs
 * (Max − Available) plus what waits in its queue plus this job must fit in Max × 1.5, else the node is busy
 * (retryable: it frees up). A node that reported no capacity is unsuitable ("node queue usage is unknown").
 * Neutral (0) when the job fits.
 */
public final class OverSubscriptionRanker implements NodeRanker {
    /** Bacalhau's fixed over-subscription factor (reference §7.2, not configurable). */
    public static final double FACTOR = 1.5;

    @Override
    public Rank rank(RankingInput input, NodeState node) {
        var info = node.info().computeNodeInfo();
        Resources max = info.maxCapacity();
        if (max.isZero()) {
            return Rank.busy("node queue usage is unknown", Misfit.of(Misfit.Kind.CAPACITY_UNKNOWN, ""));
        }
        Resources total = max.minus(info.availableCapacity()).plus(info.queueCapacity()).plus(input.request());
        if (total.fitsIn(max.scaled(FACTOR))) return Rank.score(0);
        String reason = "node busy with available capacity " + info.availableCapacity();
        if (!info.queueCapacity().isZero()) reason += " and queue capacity " + info.queueCapacity();
        return Rank.busy(reason, Misfit.of(Misfit.Kind.BUSY, ""));
    }
}
