package io.bacalao.domain.protocol;

import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.Event;
import java.util.List;

/** The node's answer to {@link AskForBid}; {@code reason} says why it refused. */
public record BidResult(String nodeId, String executionId, String jobId, boolean accepted, boolean preApproved,
                        String reason, AllocatedResources allocated, List<Event> events) implements ProtocolMessage {
    public BidResult {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
