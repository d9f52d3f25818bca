package io.bacalao.compute.queue;

import io.bacalao.compute.capacity.NodeCapacity;
import io.bacalao.compute.concurrency.NodeThreads;
import io.bacalao.compute.run.ExecutionRunner;
import io.bacalao.compute.store.LocalExecution;
import io.bacalao.domain.model.Resources;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Approved executions waiting for capacity (reference §5.3): ordered by job priority, then arrival. Whenever
 * capacity changes, every waiting execution that fits what is free starts, skipping those that do not.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LocalQueue {
    private record Waiting(LocalExecution execution, Resources usage, long seq) {
        int priority() {
            return execution.job().priority();
        }
    }

    private static final Comparator<Waiting> ORDER =
            Comparator.comparingInt(Waiting::priority).reversed().thenComparingLong(Waiting::seq);

    @Inject
    NodeThreads threads;
    @Inject
    NodeCapacity capacity;
    @Inject
    ExecutionRunner runner;

    private final List<Waiting> waiting = new ArrayList<>();
    private final AtomicLong arrivals = new AtomicLong();

    public void submit(LocalExecution e) {
        Resources usage = NodeCapacity.usageOf(e.usage());
        synchronized (this) {
            if (waiting.stream().anyMatch(w -> w.execution().id().equals(e.id()))) return;
            capacity.enqueue(usage);
            waiting.add(new Waiting(e, usage, arrivals.incrementAndGet()));
            waiting.sort(ORDER);
        }
        drain();
    }

    /** Removes a waiting execution; returns false when it is not waiting (it may be running). */
    public boolean remove(String executionId) {
        synchronized (this) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                Waiting w = it.next();
                if (w.execution().id().equals(executionId)) {
                    it.remove();
                    capacity.dequeueWithoutStart(w.usage());
                    return true;
                }
            }
        }
        return false;
    }

    public synchronized int size() {
        return waiting.size();
    }

    private void drain() {
        List<Waiting> toStart = new ArrayList<>();
        synchronized (this) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                Waiting w = it.next();
                if (capacity.fitsNow(w.usage())) {
                    it.remove();
                    capacity.start(w.usage());
                    toStart.add(w);
                }
            }
        }
        for (Waiting w : toStart) {
            threads.work().submit(() -> {
                try {
                    runner.run(w.execution());
                } finally {
                    capacity.release(w.usage());
                    drain();
                }
            });
        }
    }
}
