package io.bacalao.compute.capacity;

import io.bacalao.domain.model.Resources;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this machine physically has: cores, memory, and the disk that holds the node's work directory. */
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
        return Resources.of(cpu, memory, disk, 0);
    }
}
