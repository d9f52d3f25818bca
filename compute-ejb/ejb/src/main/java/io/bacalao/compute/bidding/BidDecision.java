package io.bacalao.compute.bidding;

/** Whether the node takes a job; {@code reason} lists every refusal, joined with "; ". */
public record BidDecision(boolean accepted, String reason) {
    public static BidDecision accept() {
        return new BidDecision(true, "");
    }
}
