package io.bacalao.compute.bidding;

import io.bacalao.compute.bidding.admission.BidStrategy;
import io.bacalao.domain.model.Job;
import java.util.ArrayList;
import java.util.List;

/**
 * Every strategy is asked, in order (as {@code pkg/compute/bidder.go} does, so the user sees all reasons at once);
 * the node bids when none refuses. Each refusal reads {@code rejected bid: <reason>}; they are joined with "; ".
 */
public record BidChain(List<BidStrategy> strategies) {
    static final String PREFIX = "rejected bid: ";

    public BidChain {
        strategies = List.copyOf(strategies);
    }

    public BidDecision decide(Job job) {
        List<String> reasons = new ArrayList<>();
        for (BidStrategy s : strategies) s.refusal(job).ifPresent(r -> reasons.add(PREFIX + r));
        return reasons.isEmpty() ? BidDecision.accept() : new BidDecision(false, String.join("; ", reasons));
    }
}
