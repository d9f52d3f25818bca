package io.bacalao.container.compute;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.logs.LogStreamer;
import io.bacalao.compute.messaging.ComputeMessageHandler;
import io.bacalao.compute.publisher.local.LocalPublisher;
import io.bacalao.compute.run.RetentionTimer;
import io.bacalao.compute.outbox.Outbox;
import io.bacalao.compute.queue.LocalQueue;
import io.bacalao.compute.store.ExecutionStore;
import io.bacalao.compute.store.LocalExecution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.protocol.ProtocolMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The compute node's middle as the tests drive it, and the only test class that names its internals: the message
 * handler (what the inbox hands a decoded message to), the local queue, the node's store of executions, its
 * outbox of reports, its log streams and its retention sweep.
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
    @Inject
    RetentionTimer retention;
    @Inject
    LogStreamer logs;
    @Inject
    ComputeSettings settings;

    /** Handles an orchestrator message as the node's inbox does, on the caller's thread. */
    void handle(ProtocolMessage m) {
        handler.handle(m);
    }

    /** Executions approved here and waiting for capacity. */
    int waiting() {
        return queue.size();
    }

    /** Reports whose rows are still stored: not yet taken by the broker, or taken and not yet removed. */
    long pendingReports() {
        return outbox.size(Set.of());
    }

    /** Log streams the node is sending now. */
    int activeLogStreams() {
        return logs.active();
    }

    /** Runs the retention sweep as if {@code ahead} more time had passed. */
    RetentionTimer.Swept sweepRetention(Duration ahead) {
        return retention.sweep(Clock.offset(Clock.systemUTC(), ahead));
    }

    /** Where the local publisher keeps the execution's archive. */
    Path publishedArchive(String executionId) {
        return LocalPublisher.directory(settings).resolve(executionId + ".tar.gz");
    }

    Path executionFolder(String executionId) {
        return settings.executionDir(executionId);
    }

    Optional<ExecutionStateType> state(String executionId) {
        return store.find(executionId).map(LocalExecution::state);
    }
}
