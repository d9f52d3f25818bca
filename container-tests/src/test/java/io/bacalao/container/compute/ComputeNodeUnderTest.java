package io.bacalao.container.compute;

import io.bacalao.compute.messaging.ComputeMessageHandler;
import io.bacalao.compute.queue.LocalQueue;
import io.bacalao.compute.store.ExecutionStore;
import io.bacalao.compute.store.LocalExecution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.protocol.ProtocolMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The compute node's middle as the tests drive it, and the only test class that names its internals: the message
 * handler (what the inbox hands a decoded message to), the local queue and the node's store of executions.
 */
@ApplicationScoped
public class ComputeNodeUnderTest {
    @Inject
    ComputeMessageHandler handler;
    @Inject
    LocalQueue queue;
    @Inject
    ExecutionStore store;

    /** Handles an orchestrator message as the node's inbox does, on the caller's thread. */
    void handle(ProtocolMessage m) {
        handler.handle(m);
    }

    /** Executions approved here and waiting for capacity. */
    int waiting() {
        return queue.size();
    }

    Optional<ExecutionStateType> state(String executionId) {
        return store.find(executionId).map(LocalExecution::state);
    }
}
