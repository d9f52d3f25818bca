package io.bacalao.compute.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.GpuInfo;
import io.bacalao.domain.model.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MaxCapacity from the machine and Compute.AllocatedCapacity; reservations and the version that flags a change. */
class NodeCapacityTest {
    static final long GI = 1024L * 1024 * 1024;
    static final List<GpuInfo> GPUS = List.of(new GpuInfo(0, "H200", "NVIDIA", 143771, "0000:1b:00.0"),
            new GpuInfo(1, "H200", "NVIDIA", 143771, "0000:43:00.0"), new GpuInfo(2, "H200", "NVIDIA", 143771, "0000:52:00.0"));
    static final Resources MACHINE = new Resources(8, 32 * GI, 100 * GI, 3, GPUS);

    @Test
    void theDefaultsOfferEightyPercentAndEveryGpu() {
        Resources max = NodeCapacity.allocate(MACHINE, Config.defaults());
        assertEquals(6.4, max.cpu(), 1e-9);
        assertEquals((long) (32 * GI * 0.8), max.memory());
        assertEquals((long) (100 * GI * 0.8), max.disk());
        assertEquals(3, max.gpu());
        assertEquals(3, max.gpus().size());
    }

    @Test
    void quantitiesAreTakenAsTheyAre() {
        Resources max = NodeCapacity.allocate(MACHINE, Config.defaults().with(ConfigKeys.CAPACITY_CPU, "2500m")
                .with(ConfigKeys.CAPACITY_MEMORY, "4Gi").with(ConfigKeys.CAPACITY_DISK, "10GB").with(ConfigKeys.CAPACITY_GPU, "1"));
        assertEquals(2.5, max.cpu(), 1e-9);
        assertEquals(4 * GI, max.memory());
        assertEquals(10_000_000_000L, max.disk());
        assertEquals(1, max.gpu());
        assertEquals(List.of(GPUS.get(0)), max.gpus());
    }

    @Test
    void gpuPercentagesRoundUpToWholeGpus() {
        assertEquals(2, NodeCapacity.allocate(MACHINE, Config.defaults().with(ConfigKeys.CAPACITY_GPU, "50%")).gpu());
        assertEquals(1, NodeCapacity.allocate(MACHINE, Config.defaults().with(ConfigKeys.CAPACITY_GPU, "10%")).gpu());
        assertEquals(0, NodeCapacity.allocate(MACHINE, Config.defaults().with(ConfigKeys.CAPACITY_GPU, "0")).gpu());
    }

    @Test
    void aGpuCountAboveTheMachineIsCappedAtWhatItHas() {
        assertEquals(3, NodeCapacity.allocate(MACHINE, Config.defaults().with(ConfigKeys.CAPACITY_GPU, "8")).gpu());
    }

    @Test
    void reservationsMoveFromQueuedToRunningAndEachChangeBumpsTheVersion() {
        NodeCapacity c = new NodeCapacity(Resources.of(4, 8 * GI, 0, 0));
        Resources job = Resources.of(1, GI, 0, 0);
        long v0 = c.version();
        c.enqueue(job);
        assertEquals(1, c.queuedCount());
        assertEquals(job, c.queued());
        long v1 = c.version();
        assertNotEquals(v0, v1);
        c.start(job);
        assertEquals(0, c.queuedCount());
        assertEquals(1, c.runningCount());
        assertEquals(Resources.of(3, 7 * GI, 0, 0), c.available());
        c.release(job);
        assertEquals(Resources.of(4, 8 * GI, 0, 0), c.available());
        assertEquals(v1 + 2, c.version());
    }
}
