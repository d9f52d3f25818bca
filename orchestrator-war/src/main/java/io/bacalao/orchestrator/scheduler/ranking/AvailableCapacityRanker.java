package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.Resources;

/**
 * Prefers nodes with free capacity in what the job needs: 0..100, 80 for available/max and 20 for an empty
 * queue, each dimension weighted by the job's share of it (default 0.4 CPU, 0.3 memory, 0.2 disk, 0.1 GPU).
 */
public final class AvailableCapacityRanker implements NodeRanker {
    @Override
    public Rank rank(RankingInput input, NodeState node) {
        var info = node.info().computeNodeInfo();
        double[] w = input.capacityWeights();
        double available = weighted(w, info.availableCapacity(), info.maxCapacity());
        double queued = weighted(w, info.queueCapacity(), info.maxCapacity());
        return Rank.score((int) Math.round(80 * available + 20 * (1 - Math.min(1, queued))));
    }

    /** The share of each dimension (CPU, memory, disk, GPU) in what the job asks for; computed once per evaluation. */
    static double[] weights(Resources r) {
        double[] raw = {r.cpu(), r.memory() / 1e9, r.disk() / 1e10, r.gpu()};
        double sum = raw[0] + raw[1] + raw[2] + raw[3];
        if (sum <= 0) return new double[]{0.4, 0.3, 0.2, 0.1};
        for (int i = 0; i < raw.length; i++) raw[i] /= sum;
        return raw;
    }

    private static double weighted(double[] w, Resources part, Resources max) {
        return w[0] * ratio(part.cpu(), max.cpu()) + w[1] * ratio(part.memory(), max.memory())
                + w[2] * ratio(part.disk(), max.disk()) + w[3] * ratio(part.gpu(), max.gpu());
    }

    private static double ratio(double part, double max) {
        return max <= 0 ? 0 : Math.min(1, part / max);
    }
}
