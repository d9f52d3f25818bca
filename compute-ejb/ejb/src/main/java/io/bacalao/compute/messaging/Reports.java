package io.bacalao.compute.messaging;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.store.ExecutionStore;
import io.bacalao.compute.store.LocalExecution;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.protocol.BidResult;
import io.bacalao.domain.protocol.ComputeError;
import io.bacalao.domain.protocol.ExecutionProgress;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.domain.protocol.RunResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Tells the orchestrator where an execution stands, derived from its stored local state, so the same call
 * also answers a repeated question (the orchestrator re-asks when a bid or an approval was lost). A report that
 * cannot be sent (the broker is away) is remembered and sent again, with the execution's state at that time, by
 * {@link #retryUnsent} once the node is joined again: nobody would ask for the result of a finished run.
 */
@ApplicationScoped
public class Reports {
    private static final Logger LOG = Logger.getLogger(Reports.class.getName());

    @Inject
    OrchestratorLink link;
    @Inject
    ComputeSettings settings;
    @Inject
    ExecutionStore store;
    @Inject
    Clock clock;
    private final Set<String> unsent = ConcurrentHashMap.newKeySet();

    /**
     * The bid on an execution: rejected when it was, accepted otherwise; pre-approved when the node runs it
     * already (accepted without waiting for an approval, or answered again once it runs).
     */
    public void bid(LocalExecution e) {
        boolean accepted = e.state() != ExecutionStateType.AskForBidRejected;
        boolean running = e.state() == ExecutionStateType.BidAccepted || e.state() == ExecutionStateType.Running
                || e.state() == ExecutionStateType.Publishing;
        send(e.id(), new BidResult(settings.nodeId(), e.id(), e.execution().jobId(), accepted,
                running, e.message(), e.execution().allocatedResources(), List.of()));
    }

    public void progress(LocalExecution e, ExecutionStateType state) {
        send(e.id(), new ExecutionProgress(settings.nodeId(), e.id(), e.execution().jobId(), state, null));
    }

    /** Reports a terminal execution: results when completed, the error when failed; nothing otherwise. */
    public void finished(LocalExecution e) {
        finished(e, EventTopics.EXECUTION);
    }

    /** As {@link #finished(LocalExecution)}, a failure's event under {@code failureTopic} (the step that failed). */
    public void finished(LocalExecution e, String failureTopic) {
        switch (e.state()) {
            case Completed -> send(e.id(), new RunResult(settings.nodeId(), e.id(), e.execution().jobId(), e.publishedResult(),
                    e.output(), List.of(Event.of(EventTopics.EXECUTION, EventTopics.COMPLETED_SUCCESSFULLY, clock.instant()))));
            case Failed -> send(e.id(), new ComputeError(settings.nodeId(), e.id(), e.execution().jobId(), e.message(),
                    List.of(Event.error(failureTopic, e.message(), clock.instant()))));
            default -> {
            }
        }
    }

    /** Answers for an execution the orchestrator asks about but this node never had (or lost). */
    public void unknown(String executionId, String jobId) {
        String msg = "execution " + executionId + " is unknown to node " + settings.nodeId();
        send(null, new ComputeError(settings.nodeId(), executionId, jobId, msg,
                List.of(Event.error(EventTopics.EXECUTION, msg, clock.instant()))));
    }

    /** Sends again, as they stand now, the executions whose last report could not be sent. */
    public void retryUnsent() {
        for (String id : List.copyOf(unsent)) {
            unsent.remove(id);
            store.find(id).ifPresent(this::current);
        }
    }

    /** How many executions wait for a report to be sent again. */
    public int unsentCount() {
        return unsent.size();
    }

    private void current(LocalExecution e) {
        switch (e.state()) {
            case New, AskForBidAccepted, AskForBidRejected, BidAccepted -> bid(e);
            case Running, Publishing -> progress(e, e.state());
            case Completed, Failed -> finished(e);
            default -> {
            }
        }
    }

    private void send(String executionId, ProtocolMessage m) {
        try {
            link.send(m);
            if (executionId != null) unsent.remove(executionId);
        } catch (RuntimeException e) {
            if (executionId != null) unsent.add(executionId);
            LOG.warning(() -> "could not send " + m.getClass().getSimpleName() + " to the orchestrator ("
                    + e.getMessage() + "); it is sent again once this node has rejoined");
        }
    }
}
