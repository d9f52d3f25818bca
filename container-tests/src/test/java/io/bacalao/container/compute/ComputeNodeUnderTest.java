package io.bacalao.container.compute;

import io.bacalao.compute.messaging.ComputeMessageHandler;
import io.bacalao.compute.outbox.Outbox;
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
 * handler (what the inbox hands a decoded message to), the local queue, the node's store of executions and its
 * outbox of reports.
 */
@ApplicationScoped
public class ComputeNodeUnderTest {
    @Inject
    ComputeMessageHandler handler;
    @Inject
    LocalQueue queue;
    @Inject
    ExecutionStore store;
    @Inject
    Outbox outbox;

    /** Handles an orchestrator message as the node's inbox does, on the caller's thread. */
    void handle(ProtocolMessage m) {
        handler.handle(m);
    }

    /** Executions approved here and waiting for capacity. */
    int waiting() {
        return queue.size();
    }

    /** Reports stored and not yet taken by the broker. */
    long pendingReports() {
        return outbox.size();
    }

    Optional<ExecutionStateType> state(String executionId) {
        return store.find(executionId).map(LocalExecution::state);
    }
}
