package io.bacalao.orchestrator.messaging;

import io.bacalao.domain.protocol.ProtocolMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies one batch taken from the orchestrator's inbox. Reports about executions (bid and run results, compute
 * errors, progress) are applied together in one transaction ({@link GroupCommit}), ordered by job ID so that every
 * batch takes its jobs' row locks in the same order (two batches, or a batch and a plan, cannot wait on each other
 * in a cycle); the arrival order is kept among the reports of one job. When that transaction fails, each report is
 * applied again on its own, in a transaction of its own, so that a report that fails every time (a poisoned one)
 * fails alone and its neighbours are applied. Node messages (handshake, heartbeat, node info, shutdown) are not job
 * state: the node manager commits and answers each on its own, so they are handled one by one, before the reports.
 *
 * <p>Handling is idempotent (docs/state-writer.md), so a report applied by a batch that then failed to be
 * acknowledged, or applied again alone, changes nothing the second time.
 */
final class InboxBatch {
    private static final Logger LOG = Logger.getLogger(InboxBatch.class.getName());
    private static final Comparator<Item<?>> BY_JOB = Comparator.comparing(i -> InboxMessages.reportJobId(i.message()));

    /** Applies reports in one transaction that commits when it returns and has rolled back when it throws. */
    @FunctionalInterface
    interface GroupCommit {
        void applyAll(List<ProtocolMessage> ordered);
    }

    /** A decoded message with whatever the caller needs to acknowledge or retry it (the JMS message). */
    record Item<H>(H handle, ProtocolMessage message) {
    }

    /** A message that failed on its own, with why. */
    record Failure<H>(Item<H> item, RuntimeException error) {
    }

    private final GroupCommit groupCommit;
    private final Consumer<ProtocolMessage> alone;

    /** {@code alone}: handles one message in transactions of its own (today's per-message handling). */
    InboxBatch(GroupCommit groupCommit, Consumer<ProtocolMessage> alone) {
        this.groupCommit = groupCommit;
        this.alone = alone;
    }

    /** Applies the batch; returns the messages that failed on their own (to be retried later, then dead-lettered). */
    <H> List<Failure<H>> apply(List<Item<H>> batch) {
        List<Failure<H>> failures = new ArrayList<>();
        List<Item<H>> reports = new ArrayList<>();
        for (Item<H> item : batch) {
            if (InboxMessages.reportJobId(item.message()) == null) {
                applyAlone(item, failures);
            } else {
                reports.add(item);
            }
        }
        if (reports.size() == 1) {
            applyAlone(reports.get(0), failures);
        } else if (!reports.isEmpty()) {
            List<Item<H>> ordered = ordered(reports);
            try {
                groupCommit.applyAll(ordered.stream().map(Item::message).toList());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, e, () -> "a batch of " + ordered.size() + " reports rolled back; applying each on its own");
                for (Item<H> item : ordered) applyAlone(item, failures);
            }
        }
        return failures;
    }

    /** Reports sorted by job ID, arrival order kept within a job (the sort is stable). */
    static <H> List<Item<H>> ordered(List<Item<H>> reports) {
        List<Item<H>> ordered = new ArrayList<>(reports);
        ordered.sort(BY_JOB);
        return ordered;
    }

    private <H> void applyAlone(Item<H> item, List<Failure<H>> failures) {
        try {
            alone.accept(item.message());
        } catch (RuntimeException e) {
            failures.add(new Failure<>(item, e));
        }
    }
}
