package io.bacalao.container.compute;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.logs.LogStreamer;
import io.bacalao.compute.messaging.ComputeMessageHandler;
import io.bacalao.compute.publisher.local.LocalPublisher;
import io.bacalao.compute.run.RetentionTimer;
import io.bacalao.compute.outbox.Outbox;
import io.bacalao.compute.outbox.OutboxSender;
import io.bacalao.compute.queue.LocalQueue;
import io.bacalao.compute.store.ExecutionStore;
import io.bacalao.compute.store.LocalExecution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.protocol.ExecutionProgress;
import io.bacalao.domain.protocol.ProtocolMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

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
    OutboxSender sender;
    @Inject
    RetentionTimer retention;
    @Inject
    LogStreamer logs;
    @Inject
    ComputeSettings settings;
    @Resource
    UserTransaction transaction;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService threads;

    /** Handles an orchestrator message as the node's inbox does, on the caller's thread. */
    void handle(ProtocolMessage m) {
        handler.handle(m);
    }

    /**
     * Stores two reports about each execution, Running then Publishing, each pair in one transaction of its own;
     * the pairs are stored at the same time, on several threads. Returns when all have committed.
     */
    void storeProgressPairsAtOnce(List<String> executionIds) throws Exception {
        List<Future<Object>> stored = executionIds.stream().map(id -> threads.submit(() -> {
            transaction.begin();
            for (ExecutionStateType state : List.of(ExecutionStateType.Running, ExecutionStateType.Publishing)) {
                outbox.add(id, new ExecutionProgress(settings.nodeId(), id, "j-" + id, state, null));
            }
            transaction.commit();
            return null;
        })).toList();
        for (Future<Object> f : stored) f.get();
    }

    /** Executions approved here and waiting for capacity. */
    int waiting() {
        return queue.size();
    }

    /** Reports whose rows are still stored: not yet taken by the broker, or taken and not yet removed. */
    long pendingReports() {
        return outbox.size(Set.of());
    }

    /** The outbox's rows and, of them, the reports not sent yet (for a test's failure message). */
    String outboxState() {
        return pendingReports() + " row(s) stored, " + sender.pending() + " report(s) not sent yet";
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
