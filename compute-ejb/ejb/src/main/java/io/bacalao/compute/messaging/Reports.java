package io.bacalao.compute.messaging;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.outbox.Outbox;
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

/**
 * Tells the orchestrator where an execution stands, derived from its stored local state, so the same call
 * also answers a repeated question (the orchestrator re-asks when a bid or an approval was lost, and asks a node
 * that rejoined about every execution it believes is active there). Each report goes into the node's
 * {@link Outbox}: called inside the transaction of the change it reports, it commits with that change; it is
 * sent after the commit and kept until the broker has it, also across a restart.
 */
@ApplicationScoped
public class Reports {
    @Inject
    Outbox outbox;
    @Inject
    ComputeSettings settings;
    @Inject
    Clock clock;
    @Inject
    HeldBids heldBids;

    /**
     * The bid on an execution: rejected when it was, accepted otherwise; pre-approved when the node runs it
     * already (accepted without waiting for an approval, or answered again once it runs).
     */
    public void bid(LocalExecution e) {
        heldBids.release(e.id());
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

    /**
     * As {@link #finished(LocalExecution)}, a failure's event under {@code failureTopic} (the step that failed). A
     * bid held back ({@link HeldBids}) is not sent before a result, which stands for it, and is sent before a failure.
     */
    public void finished(LocalExecution e, String failureTopic) {
        if (heldBids.release(e.id()) && e.state() == ExecutionStateType.Failed) bid(e);
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
        String msg = "execution " + executionId + " is unknown to node " + settings.nodeId()
                + " (it never reached the node, or was lost with the node's data)";
        send(executionId, new ComputeError(settings.nodeId(), executionId, jobId, msg,
                List.of(Event.error(EventTopics.EXECUTION, msg, clock.instant()))));
    }

    /** Reports where the execution stands now: its bid, its Running or Publishing state, or its end. */
    public void current(LocalExecution e) {
        switch (e.state()) {
            case New, AskForBidAccepted, AskForBidRejected, BidAccepted -> bid(e);
            case Running, Publishing -> progress(e, e.state());
            case Completed, Failed -> finished(e);
            default -> {
            }
        }
    }

    private void send(String executionId, ProtocolMessage m) {
        outbox.add(executionId, m);
    }
}
