package io.bacalao.compute.outbox;

import io.bacalao.compute.concurrency.NodeThreads;
import io.bacalao.compute.messaging.OrchestratorLink;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Sends what the {@link Outbox} holds, oldest first, on one thread at a time, so a node's reports about one
 * execution reach the broker in the order they were stored. A report is removed once the broker has taken it
 * (a persistent send returns when the broker has stored the message): the rows of the reports sent within
 * {@link SentReports#DELAY} go in one transaction ({@link SentReports}). When a send fails, sending stops at that
 * report and starts again from it after a backoff (1 s doubling to 10 s), or at once when the node has rejoined
 * ({@link #retryNow}); the reports stored meanwhile wait behind it. Whose fault the failure was is decided by
 * {@link Refusals}: while the broker is unreachable a report waits for it for as long as that takes; a report the
 * broker refuses {@link Refusals#MAX_REFUSALS} times while it takes the node's connection is parked (kept in the
 * outbox with the time, logged, counted in {@code agent debug}, no longer sent) and the reports behind it go on.
 */
@ApplicationScoped
public class OutboxSender {
    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final int BATCH = 100;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    Outbox outbox;
    @Inject
    OrchestratorLink link;
    @Inject
    NodeThreads threads;
    @Inject
    Clock clock;

    private boolean sending;
    private boolean again;
    private Future<?> retry;
    private Duration backoff = FIRST_BACKOFF;
    private final Refusals refusals = new Refusals();
    private final Object drainLock = new Object();
    private SentReports sent;
    private boolean removalScheduled;

    /** Something was stored (or may be pending): send it soon, unless a retry after a failure is already due. */
    public synchronized void wake() {
        if (retry != null) return;
        again = true;
        if (!sending) {
            sending = true;
            threads.work().submit(this::drain);
        }
    }

    /** Reports waiting to be sent (neither sent nor parked), for {@code agent debug}. */
    public long pending() {
        return outbox.size(sentReports().notRemoved());
    }

    /** Removes the rows of the reports sent so far, so that a clean stop sends none of them again at the next start. */
    @PreDestroy
    void removeSent() {
        synchronized (drainLock) {
            SentReports sent = sentReports();
            if (sent.isEmpty()) return;
            try {
                remove(sent);
            } catch (RuntimeException e) {
                LOG.info(() -> "the rows of reports already sent stay in the outbox (" + e.getMessage()
                        + "); they are sent again at the next start");
            }
        }
    }

    /** The orchestrator's broker is reachable again: send what is pending now instead of after the backoff. */
    public void retryNow() {
        synchronized (this) {
            if (retry != null) retry.cancel(false);
            retry = null;
            backoff = FIRST_BACKOFF;
        }
        wake();
    }

    private void drain() {
        while (true) {
            synchronized (this) {
                again = false;
            }
            boolean sentAll = sendPending();
            if (sentAll) scheduleRemoval();
            synchronized (this) {
                if (!sentAll) {
                    sending = false;
                    Duration wait = backoff;
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                    retry = threads.timers().schedule(this::retryDue, wait.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                }
                backoff = FIRST_BACKOFF;
                if (!again) {
                    sending = false;
                    return;
                }
            }
        }
    }

    private void retryDue() {
        synchronized (this) {
            retry = null;
        }
        wake();
    }

    /** Sends every pending report; false when one could not be sent (it and those after it stay). */
    private boolean sendPending() {
        synchronized (drainLock) {
            return sendPending(sentReports());
        }
    }

    private boolean sendPending(SentReports sent) {
        try {
            while (true) {
                removeIfDue(sent);
                List<PendingReport> batch = outbox.oldest(BATCH, sent.notRemoved());
                for (PendingReport r : batch) {
                    switch (send(r)) {
                        case SENT -> sent.sent(r.id());
                        case PARKED -> {
                        }
                        case STOPPED -> {
                            return false;
                        }
                    }
                }
                // a short batch was all there was when it was read; a report committed since then has woken the
                // sender after its commit (drain reads again), so no second read to find the outbox empty
                if (batch.size() < BATCH) return true;
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not read or update this node's outbox (" + e.getMessage() + "); trying again later");
            return false;
        }
    }

    private void removeIfDue(SentReports sent) {
        if (sent.removalDue()) remove(sent);
    }

    private void remove(SentReports sent) {
        List<Long> ids = sent.toRemove();
        outbox.remove(ids);
        sent.removed(ids);
    }

    /** Wakes the drain when the rows of the reports sent so far are due for removal. */
    private void scheduleRemoval() {
        Duration wait = sentReports().untilDue();
        synchronized (this) {
            if (sentReports().isEmpty() || removalScheduled) return;
            removalScheduled = true;
        }
        try {
            threads.timers().schedule(() -> {
                synchronized (this) {
                    removalScheduled = false;
                }
                wake();
            }, Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the application stops: removeSent removes them
        }
    }

    private SentReports sentReports() {
        synchronized (this) {
            if (sent == null) sent = new SentReports(clock);
            return sent;
        }
    }

    /** What became of one report: sent, set aside, or not sent (sending stops here for now). */
    private enum Outcome { SENT, PARKED, STOPPED }

    /** Sends one report: sent or parked (go on), or stopped (sending stops here for now). */
    private Outcome send(PendingReport r) {
        try {
            link.sendEncoded(r.type(), r.body());
            refusals.sent(r.id());
            return Outcome.SENT;
        } catch (RuntimeException e) {
            switch (refusals.failed(r.id(), link.isReachable())) {
                case WAIT_FOR_BROKER -> LOG.warning(() -> "could not send a report to the orchestrator ("
                        + e.getMessage() + "); it stays in this node's outbox and is sent again, also after a restart");
                case TRY_AGAIN -> LOG.warning(() -> "the broker refused " + describe(r) + " (" + e.getMessage()
                        + "); trying it again");
                case PARK -> {
                    outbox.park(r.id(), clock.millis());
                    LOG.severe(() -> "the broker refused " + describe(r) + " " + Refusals.MAX_REFUSALS
                            + " times while it took this node's connection (" + e.getMessage() + "); it is set aside"
                            + " (COMPUTE_OUTBOX row " + r.id() + ", PARKED_TIME) and the reports behind it go on");
                    return Outcome.PARKED;
                }
            }
            return Outcome.STOPPED;
        }
    }

    private static String describe(PendingReport r) {
        return "report " + r.type() + (r.executionId() == null ? "" : " of execution " + r.executionId());
    }
}
