package io.bacalao.compute.outbox;

import io.bacalao.compute.messaging.OrchestratorLink;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Sends what the {@link Outbox} holds, oldest first, on one thread at a time, so a node's reports about one
 * execution reach the broker in the order they were stored. A report is removed once the broker has taken it
 * (a persistent send returns when the broker has stored the message). When the broker is away, sending stops
 * at the first report that fails and starts again from it after a backoff (1 s doubling to 10 s), or at once
 * when the node has rejoined ({@link #retryNow}); the reports stored meanwhile wait behind it.
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
    @Resource
    ManagedExecutorService pool;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private boolean sending;
    private boolean again;
    private Future<?> retry;
    private Duration backoff = FIRST_BACKOFF;

    /** Something was stored (or may be pending): send it soon, unless a retry after a failure is already due. */
    public synchronized void wake() {
        if (retry != null) return;
        again = true;
        if (!sending) {
            sending = true;
            pool.submit(this::drain);
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
            synchronized (this) {
                if (!sentAll) {
                    sending = false;
                    Duration wait = backoff;
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                    retry = scheduler.schedule(this::retryDue, wait.toMillis(), TimeUnit.MILLISECONDS);
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
        try {
            while (true) {
                List<PendingReport> batch = outbox.oldest(BATCH);
                if (batch.isEmpty()) return true;
                List<Long> sent = new ArrayList<>();
                try {
                    for (PendingReport r : batch) {
                        link.sendEncoded(r.type(), r.body());
                        sent.add(r.id());
                    }
                } finally {
                    outbox.remove(sent);
                }
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not send a report to the orchestrator (" + e.getMessage()
                    + "); it stays in this node's outbox and is sent again, also after a restart");
            return false;
        }
    }
}
