package io.bacalao.domain.protocol;

/**
 * The orchestrator asks a node that (re)joined where an execution stands that it believes is active there. The
 * node answers with its report for the execution's current state (the result again when it has ended), or, when
 * it does not know the execution (lost with its data), with a {@link ComputeError}: never with silence.
 */
public record ExecutionStateRequest(String nodeId, String executionId, String jobId) implements ProtocolMessage {
}
