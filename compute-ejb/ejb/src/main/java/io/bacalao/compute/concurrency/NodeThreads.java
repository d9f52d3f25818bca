package io.bacalao.compute.concurrency;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The threads of a compute node's per-execution work: runs, their input preparation and outbox drains on
 * {@link #work}, short timed tasks (Running reports, outbox retries) on {@link #timers}. Both are executors on the
 * container's managed thread factory: each thread holds the application's context (class loader, naming: what an
 * EJB, CDI or JPA call needs) from its start to its end, so handing it a task costs nothing. The container's managed
 * executors set that context up for every task instead, and in Payara 7 capturing it looks up the context providers
 * with a ServiceLoader, which reads every jar of the application's class path, each time: a tenth of a compute
 * node's CPU per noop job, for the three tasks an execution hands over (docs/compute-performance.md).
 *
 * <p>Contract: {@link #work} never queues a task behind busy threads (a thread per task running at once; idle
 * threads end after a minute): what it runs is bounded by its callers, runs by the node's capacity and outbox
 * drains to one at a time. {@link #timers} has one thread, for tasks that end quickly. When the application stops,
 * both stop taking tasks; tasks already running end on their own.
 */
@ApplicationScoped
public class NodeThreads {
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;
    private ExecutorService work;
    private ScheduledExecutorService timers;

    @PostConstruct
    void start() {
        work = Executors.newCachedThreadPool(threads);
        timers = Executors.newSingleThreadScheduledExecutor(threads);
    }

    @PreDestroy
    void stop() {
        work.shutdown();
        timers.shutdown();
    }

    /** Runs each task at once on a thread of its own. */
    public ExecutorService work() {
        return work;
    }

    /** Runs tasks after a delay, one at a time. */
    public ScheduledExecutorService timers() {
        return timers;
    }
}
