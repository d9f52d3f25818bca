package io.bacalao.compute.capacity;

import io.bacalao.compute.capacity.gpu.GpuDetector;
import io.bacalao.domain.model.GpuInfo;
import io.bacalao.domain.model.Resources;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What this machine physically has: cores, memory, the disk that holds the node's work directory, and the GPUs
 * that nvidia-smi, rocm-smi or xpu-smi report.
 */
public final class MachineResources {
    private MachineResources() {
    }

    public static Resources probe(Path workDir) {
        double cpu = Runtime.getRuntime().availableProcessors();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        long disk;
        try {
            Files.createDirectories(workDir);
            disk = Files.getFileStore(workDir).getTotalSpace();
        } catch (IOException e) {
            disk = 0;
        }
        List<GpuInfo> gpus = GpuDetector.forThisMachine().detect();
        return new Resources(cpu, memory, disk, gpus.size(), gpus);
    }
}
