package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Evaluation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one transaction asks to be sent once it has committed: execution changes (their nodes get the matching
 * protocol message) and evaluations (queued for a scheduler worker). Filled by {@link Outbox} while the
 * transaction runs, and delivered as a CDI event to observers that run only after a successful commit; a
 * rolled-back transaction sends nothing. Sweeps re-send whatever a crash between commit and send loses.
 */
public final class Outgoing {
    private final List<ExecutionChange> executionChanges = new ArrayList<>();
    private final List<Evaluation> evaluations = new ArrayList<>();
    private final List<StopOrder> stopOrders = new ArrayList<>();

    Outgoing() {
    }

    void add(ExecutionChange c) {
        executionChanges.add(c);
    }

    void add(Evaluation e) {
        evaluations.add(e);
    }

    void add(StopOrder s) {
        stopOrders.add(s);
    }

    public List<ExecutionChange> executionChanges() {
        return Collections.unmodifiableList(executionChanges);
    }

    public List<Evaluation> evaluations() {
        return Collections.unmodifiableList(evaluations);
    }

    public List<StopOrder> stopOrders() {
        return Collections.unmodifiableList(stopOrders);
    }

    public boolean isEmpty() {
        return executionChanges.isEmpty() && evaluations.isEmpty() && stopOrders.isEmpty();
    }
}
