package io.bacalao.compute.capacity;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.quantity.CapacityLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The node's capacity: MaxCapacity = the machine scaled by {@code Compute.AllocatedCapacity} (also the largest
 * job it accepts), minus what running executions hold (Available); queued executions are counted apart.
 * A job that asks for nothing is accounted as 0.1 CPU and 100 MiB.
 */
@ApplicationScoped
public class NodeCapacity {
    public static final Resources UNSET_JOB_USAGE = Resources.of(0.1, 100L * 1024 * 1024, 0, 0);

    @Inject
    ComputeSettings settings;
    private Resources max;
    private Resources running = Resources.ZERO;
    private Resources queued = Resources.ZERO;
    private int runningCount;
    private int queuedCount;
    private long version;

    public NodeCapacity() {
    }

    /** A capacity with a known maximum, for tests. */
    NodeCapacity(Resources max) {
        this.max = max;
    }

    @PostConstruct
    void init() {
        max = allocate(MachineResources.probe(settings.workDir()), settings.config());
    }

    /** MaxCapacity from the machine's resources and the AllocatedCapacity keys (percentages or quantities). */
    public static Resources allocate(Resources machine, Config c) {
        double cpu = CapacityLimit.parseCpu(c.get(ConfigKeys.CAPACITY_CPU)).of(machine.cpu());
        long mem = (long) CapacityLimit.parseBytes(c.get(ConfigKeys.CAPACITY_MEMORY)).of(machine.memory());
        long disk = (long) CapacityLimit.parseBytes(c.get(ConfigKeys.CAPACITY_DISK)).of(machine.disk());
        long gpu = Math.min(machine.gpu(), CapacityLimit.parseCount(c.get(ConfigKeys.CAPACITY_GPU)).wholeUnitsOf(machine.gpu()));
        return new Resources(cpu, mem, disk, gpu, machine.gpus().subList(0, (int) Math.min(gpu, machine.gpus().size())));
    }

    public static Resources usageOf(Resources requested) {
        return requested.orDefaults(UNSET_JOB_USAGE);
    }

    public synchronized Resources max() {
        return max;
    }

    public synchronized Resources available() {
        return max.minus(running);
    }

    public synchronized Resources queued() {
        return queued;
    }

    public synchronized int runningCount() {
        return runningCount;
    }

    public synchronized int queuedCount() {
        return queuedCount;
    }

    /** Grows by one with every change of the running or queued reservations; tells when node info is stale. */
    public synchronized long version() {
        return version;
    }

    public synchronized boolean fitsNow(Resources usage) {
        return usage.fitsIn(available());
    }

    public synchronized void enqueue(Resources usage) {
        version++;
        queued = queued.plus(usage);
        queuedCount++;
    }

    /** Moves a queued execution's reservation to running. */
    public synchronized void start(Resources usage) {
        version++;
        queued = queued.minus(usage);
        queuedCount = Math.max(0, queuedCount - 1);
        running = running.plus(usage);
        runningCount++;
    }

    public synchronized void dequeueWithoutStart(Resources usage) {
        version++;
        queued = queued.minus(usage);
        queuedCount = Math.max(0, queuedCount - 1);
    }

    public synchronized void release(Resources usage) {
        version++;
        running = running.minus(usage);
        runningCount = Math.max(0, runningCount - 1);
    }
}
