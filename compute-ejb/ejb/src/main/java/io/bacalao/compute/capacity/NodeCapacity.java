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
    private long changes;

    @PostConstruct
    void init() {
        max = allocate(MachineResources.probe(settings.workDir()), settings.config());
    }

    /** MaxCapacity from the machine's resources and the AllocatedCapacity keys (percentages or quantities). */
    public static Resources allocate(Resources machine, Config c) {
        double cpu = CapacityLimit.parseCpu(c.get(ConfigKeys.CAPACITY_CPU)).of(machine.cpu());
        long mem = (long) CapacityLimit.parseBytes(c.get(ConfigKeys.CAPACITY_MEMORY)).of(machine.memory());
        long disk = (long) CapacityLimit.parseBytes(c.get(ConfigKeys.CAPACITY_DISK)).of(machine.disk());
        long gpu = CapacityLimit.parseCount(c.get(ConfigKeys.CAPACITY_GPU)).wholeUnitsOf(machine.gpu());
        return new Resources(cpu, mem, disk, gpu, machine.gpus());
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

    /** Counts every change of running or queued capacity, so that node info can be re-sent when it moved. */
    public synchronized long changes() {
        return changes;
    }

    public synchronized boolean fitsNow(Resources usage) {
        return usage.fitsIn(available());
    }

    public synchronized void enqueue(Resources usage) {
        changes++;
        queued = queued.plus(usage);
        queuedCount++;
    }

    /** Moves a queued execution's reservation to running. */
    public synchronized void start(Resources usage) {
        changes++;
        queued = queued.minus(usage);
        queuedCount = Math.max(0, queuedCount - 1);
        running = running.plus(usage);
        runningCount++;
    }

    public synchronized void dequeueWithoutStart(Resources usage) {
        changes++;
        queued = queued.minus(usage);
        queuedCount = Math.max(0, queuedCount - 1);
    }

    public synchronized void release(Resources usage) {
        changes++;
        running = running.minus(usage);
        runningCount = Math.max(0, runningCount - 1);
    }
}
