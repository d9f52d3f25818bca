package io.bacalao.compute.bidding.admission;

import io.bacalao.domain.model.Job;
import java.util.Optional;

/**
 * One admission rule of the bidder (reference §5.2, Bacalhau's {@code pkg/bidstrategy/semantic}): the reason
 * this node does not bid on a job, in Bacalhau's "this node does not …" voice, or empty when the rule lets the
 * job through. The bidder prefixes each reason with {@code rejected bid: } and joins them with "; ".
 */
@FunctionalInterface
public interface BidStrategy {
    String NOT = "this node does not ";

    Optional<String> refusal(Job job);
}
