package io.bacalao.container.orchestrator;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.orchestrator.store.Outgoing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sees every outbox the orchestrator's dispatcher sees, in the same phase ({@code AFTER_SUCCESS}): what it holds is
 * what was sent. Only this deployment's traffic is seen, unlike the broker's queue counters, which also count the
 * sweep's re-sends and the delayed retries of other tests' evaluations arriving late.
 */
@ApplicationScoped
public class SentAfterCommit {
    private final List<Outgoing> seen = new CopyOnWriteArrayList<>();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outgoing out) {
        seen.add(out);
    }

    /** Whether an evaluation of this job or a message for one of its executions was handed to the dispatcher. */
    public boolean anythingOf(String jobId) {
        return seen.stream().anyMatch(o -> o.evaluations().stream().map(Evaluation::jobId).anyMatch(jobId::equals)
                || o.executionChanges().stream().anyMatch(c -> c.after().jobId().equals(jobId)));
    }

    /** Whether a message for this execution was handed to the dispatcher after a commit. */
    public boolean execution(String executionId) {
        return seen.stream().flatMap(o -> o.executionChanges().stream()).anyMatch(c -> c.after().id().equals(executionId));
    }
}
