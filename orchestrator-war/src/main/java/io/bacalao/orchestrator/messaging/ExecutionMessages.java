package io.bacalao.orchestrator.messaging;

import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.protocol.AskForBid;
import io.bacalao.domain.protocol.BidAccepted;
import io.bacalao.domain.protocol.BidRejected;
import io.bacalao.domain.protocol.CancelExecution;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.orchestrator.store.ExecutionChange;
import java.util.Optional;

/**
 * Protocol translation: a committed execution change becomes the message its node must get (reference §3.3).
 * A new execution asks for a bid (pre-approved when it is created to run), an approval of a bid that waited for
 * it accepts it (recording a pre-approved one's acceptance sends nothing), a rejection rejects it, a stop of a
 * live execution cancels it; an execution still waiting for its node gets that message again. The store records
 * facts and never builds protocol messages.
 */
public final class ExecutionMessages {
    private ExecutionMessages() {
    }

    /** The message a committed change means for the execution's node, if any. */
    public static Optional<ProtocolMessage> of(ExecutionChange c) {
        return switch (c.kind()) {
            case CREATED -> Optional.of(forNew(c.after(), c.job()));
            case CHANGED -> forChange(c.before(), c.after());
            case AWAITING_NODE -> forStuck(c.after(), c.job());
        };
    }

    public static ProtocolMessage forNew(Execution e, Job job) {
        return new AskForBid(e.nodeId(), e.withJob(job), e.desired() == DesiredStateType.Running);
    }

    public static Optional<ProtocolMessage> forChange(Execution before, Execution after) {
        // only an approval tells the node to run; a pre-approved execution (created to run) already runs
        if (after.state() == ExecutionStateType.BidAccepted && before.state() != ExecutionStateType.BidAccepted
                && before.desired() != DesiredStateType.Running) {
            return Optional.of(new BidAccepted(after.nodeId(), after.id(), after.jobId()));
        }
        if (after.state() == ExecutionStateType.BidRejected && before.state() != ExecutionStateType.BidRejected) {
            return Optional.of(new BidRejected(after.nodeId(), after.id(), after.jobId(), after.desiredState().message()));
        }
        if (after.desired() == DesiredStateType.Stopped && !before.state().isTerminal()
                && before.desired() != DesiredStateType.Stopped) {
            return Optional.of(new CancelExecution(after.nodeId(), after.id(), after.jobId(), after.desiredState().message()));
        }
        return Optional.empty();
    }

    /** The message that would move a stuck execution on, for the re-send sweep. */
    public static Optional<ProtocolMessage> forStuck(Execution e, Job job) {
        if (e.desired() == DesiredStateType.Stopped) {
            return e.state().isTerminal() ? Optional.empty()
                    : Optional.of(new CancelExecution(e.nodeId(), e.id(), e.jobId(), e.desiredState().message()));
        }
        if (e.state() == ExecutionStateType.New) return Optional.of(forNew(e, job));
        if (e.state() == ExecutionStateType.BidAccepted && e.desired() == DesiredStateType.Running) {
            return Optional.of(new BidAccepted(e.nodeId(), e.id(), e.jobId()));
        }
        return Optional.empty();
    }
}
