package io.bacalao.compute.bidding;

/**
 * Whether the node takes a job; {@code reason} lists every refusal as Bacalhau words it:
 * {@code rejected bid: this node does not …; rejected bid: …}.
 */
public record BidDecision(boolean accepted, String reason) {
    public static BidDecision accept() {
        return new BidDecision(true, "");
    }
}
