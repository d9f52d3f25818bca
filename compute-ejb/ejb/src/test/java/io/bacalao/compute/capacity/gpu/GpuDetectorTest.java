package io.bacalao.compute.capacity.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.GpuInfo;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GpuDetectorTest {
    private static final String H200_CSV = Fixtures.read("nvidia-smi-query-noheader-nounits.csv");
    private static final GpuInfo H200 = new GpuInfo(0, "NVIDIA H200", "NVIDIA", 143771, "00000000:00:06.0");
    private static final GpuInfo MI210 = new GpuInfo(0, "Instinct MI210", "AMD/ATI", 65520, "0000:03:00.0");

    private final FakeCommandRunner machine = new FakeCommandRunner();
    private final GpuDetector detector =
            new GpuDetector(GpuDetector.allVendors(), machine, Duration.ofSeconds(3));

    @Test
    void aMachineWithoutVendorToolsHasNoGpus() {
        assertEquals(List.of(), detector.detect());
        assertEquals(List.of("nvidia-smi", "rocm-smi", "xpu-smi"), machine.ran.stream().map(c -> c.get(0)).toList());
    }

    @Test
    void everyProbeRunsWithTheConfiguredTimeout() {
        detector.detect();

        assertEquals(Set.of(Duration.ofSeconds(3)), Set.copyOf(machine.timeouts));
    }

    @Test
    void findsTheH200ThatNvidiaSmiReports() {
        machine.prints("nvidia-smi", H200_CSV);

        assertEquals(List.of(H200), detector.detect());
    }

    @Test
    void twoVendorsAreListedInProviderOrderKeepingTheirOwnIndices() {
        machine.prints("rocm-smi", Fixtures.read("rocm-smi-5-sample.json")).prints("nvidia-smi", H200_CSV);

        List<GpuInfo> gpus = detector.detect();

        assertEquals(List.of("NVIDIA", "AMD/ATI", "AMD/ATI"), gpus.stream().map(GpuInfo::vendor).toList());
        assertEquals(List.of(0L, 0L, 1L), gpus.stream().map(GpuInfo::index).toList());
        assertEquals(MI210, gpus.get(1));
    }

    @Test
    void aProbeThatHangsCountsAsNoGpusOfThatVendorOnly() {
        machine.hangs("nvidia-smi").prints("xpu-smi", Fixtures.read("xpu-smi-discovery-dump-sample.csv"));

        List<GpuInfo> gpus = detector.detect();

        assertEquals(2, gpus.size());
        assertTrue(gpus.stream().allMatch(g -> g.vendor().equals("Intel")));
    }

    @Test
    void aProbeThatFailsCountsAsNoGpus() {
        machine.exits("nvidia-smi", 9, "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.")
                .exits("rocm-smi", 2, Fixtures.read("rocm-smi-6-sample.json"));

        assertEquals(List.of(), detector.detect());
    }

    @Test
    void outputTheParserRejectsCountsAsNoGpusOfThatVendor() {
        machine.prints("nvidia-smi", Fixtures.read("nvidia-smi.txt"))
                .prints("rocm-smi", Fixtures.read("rocm-smi-5-sample.json"));

        assertEquals(List.of("AMD/ATI", "AMD/ATI"), detector.detect().stream().map(GpuInfo::vendor).toList());
    }

    @Test
    void anInterruptStopsDetectionAndIsKept() {
        machine.prints("nvidia-smi", H200_CSV).isInterruptedDuring("rocm-smi");
        try {
            assertEquals(List.of(H200), detector.detect());
            assertTrue(Thread.currentThread().isInterrupted());
            assertFalse(machine.ran.stream().anyMatch(c -> c.get(0).equals("xpu-smi")));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new GpuDetector(GpuDetector.allVendors(), machine, Duration.ZERO));
    }

    @Test
    void onThisMachineDetectionNeverThrowsAndNamesOnlyKnownVendors() {
        List<GpuInfo> gpus = GpuDetector.forThisMachine().detect();

        assertTrue(gpus.stream().allMatch(g -> Set.of("NVIDIA", "AMD/ATI", "Intel").contains(g.vendor())), "" + gpus);
    }
}
