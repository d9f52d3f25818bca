package io.bacalao.compute.registration;

import io.bacalao.compute.executor.Executors;
import io.bacalao.compute.messaging.Reports;
import io.bacalao.compute.queue.LocalQueue;
import io.bacalao.compute.store.ExecutionStore;
import io.bacalao.compute.store.LocalExecution;
import io.bacalao.domain.model.ExecutionStateType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Start-up after a stop or crash: executors clean up (leftover containers are removed), executions that were
 * running are failed ("Failed due to node restart"),
 * approved ones that had not started go back to the queue. Each failure's report is stored with it, after the
 * execution's bid (the node's outbox sends them once the broker is reachable).
 */
@ApplicationScoped
public class Recovery {
    static final String RESTART_MESSAGE = "Failed due to node restart";

    @Inject
    ExecutionStore store;
    @Inject
    LocalQueue queue;
    @Inject
    Reports reports;
    @Inject
    Executors executors;

    public synchronized void failInterrupted() {
        executors.recoverAll();
        for (LocalExecution e : store.inStates(List.of(ExecutionStateType.Running, ExecutionStateType.Publishing))) {
            store.update(e.id(), cur -> cur.moved(ExecutionStateType.Failed, RESTART_MESSAGE), failed -> {
                reports.bid(failed); // a bid held back before the stop was lost with it (messaging.HeldBids)
                reports.finished(failed);
            });
        }
        store.inStates(List.of(ExecutionStateType.BidAccepted)).forEach(queue::submit);
    }
}
