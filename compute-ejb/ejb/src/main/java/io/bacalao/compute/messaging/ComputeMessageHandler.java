package io.bacalao.compute.messaging;

import io.bacalao.compute.bidding.BidDecision;
import io.bacalao.compute.bidding.Bidder;
import io.bacalao.compute.concurrency.NodeThreads;
import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.executor.Executors;
import io.bacalao.compute.logs.LogStreamer;
import io.bacalao.compute.publisher.s3managed.ManagedUploadUrls;
import io.bacalao.compute.queue.LocalQueue;
import io.bacalao.compute.registration.Registration;
import io.bacalao.compute.store.ExecutionStore;
import io.bacalao.compute.store.LocalExecution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.protocol.AskForBid;
import io.bacalao.domain.protocol.BidAccepted;
import io.bacalao.domain.protocol.BidRejected;
import io.bacalao.domain.protocol.CancelExecution;
import io.bacalao.domain.protocol.ExecutionStateRequest;
import io.bacalao.domain.protocol.HandshakeResponse;
import io.bacalao.domain.protocol.LogStreamCancel;
import io.bacalao.domain.protocol.LogStreamRequest;
import io.bacalao.domain.protocol.ManagedPublisherUrlResponse;
import io.bacalao.domain.protocol.ProtocolMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Handles what the orchestrator sends (reference §3.3). Every handler is idempotent: a repeated question gets
 * the current answer again, a repeated command changes nothing.
 */
@ApplicationScoped
public class ComputeMessageHandler {
    private static final Logger LOG = Logger.getLogger(ComputeMessageHandler.class.getName());

    @Inject
    ExecutionStore store;
    @Inject
    Bidder bidder;
    @Inject
    LocalQueue queue;
    @Inject
    Executors executors;
    @Inject
    Reports reports;
    @Inject
    Registration registration;
    @Inject
    LogStreamer logs;
    @Inject
    ManagedUploadUrls managedUrls;
    @Inject
    HeldBids heldBids;
    @Inject
    ComputeSettings settings;
    @Inject
    NodeThreads threads;

    public void handle(ProtocolMessage m) {
        switch (m) {
            case AskForBid a -> askForBid(a);
            case BidAccepted b -> bidAccepted(b);
            case BidRejected r -> store.update(r.executionId(), e -> e.moved(ExecutionStateType.BidRejected, r.reason()));
            case CancelExecution c -> cancel(c);
            case HandshakeResponse h -> registration.onHandshakeResponse(h);
            case LogStreamRequest l -> logs.stream(l);
            case LogStreamCancel c -> logs.cancel(c);
            case ExecutionStateRequest s -> stateRequested(s);
            case ManagedPublisherUrlResponse r -> managedUrls.answered(r);
            default -> LOG.warning(() -> "ignoring " + m.getClass().getSimpleName() + " sent to a compute node");
        }
    }

    private void askForBid(AskForBid ask) {
        Optional<LocalExecution> known = store.find(ask.execution().id());
        if (known.isPresent()) {
            askedAgain(known.get());
            return;
        }
        BidDecision decision = bidder.decide(ask.execution().job());
        LocalExecution received = LocalExecution.received(ask.execution().withJob(bidder.admitted(ask.execution().job())));
        LocalExecution decided = !decision.accepted() ? received.to(ExecutionStateType.AskForBidRejected, decision.reason())
                : received.to(ask.preApproved() ? ExecutionStateType.BidAccepted : ExecutionStateType.AskForBidAccepted, "");
        Duration holdBid = decided.state() == ExecutionStateType.BidAccepted
                ? settings.runningReportDelay().orElse(Duration.ZERO) : Duration.ZERO;
        if (holdBid.isZero()) {
            if (!store.insert(decided, reports::bid)) return;
        } else {
            if (!store.insert(decided, e -> heldBids.hold(e.id()))) return;
            threads.timers().schedule(() -> reportHeldBid(decided.id()), holdBid.toNanos(), TimeUnit.NANOSECONDS);
        }
        if (decided.state() == ExecutionStateType.BidAccepted) queue.submit(decided);
    }

    /**
     * The held bid of an execution still under way once the delay has passed ({@link HeldBids}). Decided and stored
     * under the execution's row lock, which the run's end takes too: the bid is stored before the run's failure,
     * never after it (the failure sends the bid itself when it finds it still held).
     */
    private void reportHeldBid(String executionId) {
        if (!heldBids.isHeld(executionId)) return;
        boolean known = store.whileLocked(executionId, current -> {
            if (current.state().isTerminal()) {
                heldBids.release(executionId);
            } else if (heldBids.isHeld(executionId)) {
                reports.bid(current);
            }
        });
        if (!known) heldBids.release(executionId);
    }

    private void bidAccepted(BidAccepted accepted) {
        Optional<LocalExecution> approved = store.update(accepted.executionId(),
                e -> e.moved(ExecutionStateType.BidAccepted, ""));
        if (approved.isPresent()) {
            queue.submit(approved.get());
            return;
        }
        Optional<LocalExecution> known = store.find(accepted.executionId());
        if (known.isEmpty()) {
            reports.unknown(accepted.executionId(), accepted.jobId());
        } else {
            answerAgain(known.get());
        }
    }

    /**
     * The orchestrator believes the execution is active here (this node rejoined): it gets the report of where
     * the execution stands, its result again when it has ended, and a failure when this node does not know it.
     * An approved execution not started yet is offered to the queue again, which starts it at most once.
     */
    private void stateRequested(ExecutionStateRequest r) {
        Optional<LocalExecution> known = store.find(r.executionId());
        if (known.isEmpty()) {
            reports.unknown(r.executionId(), r.jobId());
            return;
        }
        reports.current(known.get());
        if (known.get().state() == ExecutionStateType.BidAccepted) queue.submit(known.get());
    }

    private void cancel(CancelExecution c) {
        Optional<LocalExecution> cancelled = store.update(c.executionId(),
                e -> e.moved(ExecutionStateType.Cancelled, c.reason()));
        if (cancelled.isEmpty()) return;
        if (!queue.remove(c.executionId())) {
            executors.forEngine(cancelled.get().job().task().engine().type()).ifPresent(x -> x.cancel(c.executionId()));
        }
    }

    /**
     * A repeated AskForBid: the orchestrator has not recorded this node's bid (the report or the question was lost,
     * or delivered twice). It gets the bid again, and, for an execution that already runs (it came pre-approved),
     * where it stands; an accepted execution is offered to the queue again, which starts it at most once.
     */
    private void askedAgain(LocalExecution e) {
        switch (e.state()) {
            case BidAccepted -> {
                reports.bid(e);
                queue.submit(e);
            }
            case Running, Publishing -> {
                reports.bid(e);
                reports.progress(e, e.state());
            }
            default -> answerAgain(e);
        }
    }

    private void answerAgain(LocalExecution e) {
        switch (e.state()) {
            case New, AskForBidAccepted, AskForBidRejected -> reports.bid(e);
            case BidAccepted -> queue.submit(e);
            case Completed, Failed -> reports.finished(e);
            default -> {
            }
        }
    }
}
