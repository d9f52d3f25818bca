package io.bacalao.domain.protocol;

import io.bacalao.domain.model.Execution;

/**
 * Asks a node whether it takes an execution (which carries its job). When {@code preApproved}, the node
 * runs it right away if it accepts (ops and daemon jobs).
 */
public record AskForBid(String nodeId, Execution execution, boolean preApproved) implements ProtocolMessage {
}
