package io.bacalao.compute.messaging;

import io.bacalao.compute.config.ComputeSettings;
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
import java.util.logging.Logger;

/**
 * Tells the orchestrator where an execution stands, derived from its stored local state, so the same call
 * also answers a repeated question (the orchestrator re-asks when a report was lost).
 */
@ApplicationScoped
public class Reports {
    private static final Logger LOG = Logger.getLogger(Reports.class.getName());

    @Inject
    OrchestratorLink link;
    @Inject
    ComputeSettings settings;
    @Inject
    Clock clock;

    public void bid(LocalExecution e) {
        boolean accepted = e.state() != ExecutionStateType.AskForBidRejected;
        send(new BidResult(settings.nodeId(), e.id(), e.execution().jobId(), accepted,
                e.state() == ExecutionStateType.BidAccepted, e.message(), e.execution().allocatedResources(), List.of()));
    }

    public void progress(LocalExecution e, ExecutionStateType state) {
        send(new ExecutionProgress(settings.nodeId(), e.id(), e.execution().jobId(), state, null));
    }

    /** Reports a terminal execution: results when completed, the error when failed; nothing otherwise. */
    public void finished(LocalExecution e) {
        switch (e.state()) {
            case Completed -> send(new RunResult(settings.nodeId(), e.id(), e.execution().jobId(), e.publishedResult(),
                    e.output(), List.of(Event.of(EventTopics.EXECUTION, EventTopics.COMPLETED_SUCCESSFULLY, clock.instant()))));
            case Failed -> send(new ComputeError(settings.nodeId(), e.id(), e.execution().jobId(), e.message(),
                    List.of(Event.error(EventTopics.EXECUTION, e.message(), clock.instant()))));
            default -> {
            }
        }
    }

    /** Answers for an execution the orchestrator asks about but this node never had (or lost). */
    public void unknown(String executionId, String jobId) {
        String msg = "execution " + executionId + " is unknown to node " + settings.nodeId();
        send(new ComputeError(settings.nodeId(), executionId, jobId, msg,
                List.of(Event.error(EventTopics.EXECUTION, msg, clock.instant()))));
    }

    private void send(ProtocolMessage m) {
        try {
            link.send(m);
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not send " + m.getClass().getSimpleName() + " to the orchestrator ("
                    + e.getMessage() + "); it will ask again");
        }
    }
}
