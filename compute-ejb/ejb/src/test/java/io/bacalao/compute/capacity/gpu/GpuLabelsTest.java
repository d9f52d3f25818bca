package io.bacalao.compute.capacity.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.GpuInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuLabelsTest {
    @Test
    void anH200IsLabelledWithItsModelAndMemory() {
        var h200 = new GpuInfo(0, "NVIDIA H200", "NVIDIA", 143771, "00000000:00:06.0");

        assertEquals(Map.of("GPU-0", "NVIDIA-H200", "GPU-0-Memory", "143771-MiB"), GpuLabels.of(List.of(h200)));
    }

    @Test
    void labelsNumberGpusByPositionSoTwoVendorsWithIndexZeroDoNotCollide() {
        var nvidia = new GpuInfo(0, "Tesla T4", "NVIDIA", 15360, "0000:00:1e.0");
        var amd = new GpuInfo(0, "Instinct MI210", "AMD/ATI", 65520, "0000:03:00.0");

        var labels = GpuLabels.of(List.of(nvidia, amd));

        assertEquals(List.of("GPU-0", "GPU-0-Memory", "GPU-1", "GPU-1-Memory"), List.copyOf(labels.keySet()));
        assertEquals("Instinct-MI210", labels.get("GPU-1"));
        assertEquals("65520-MiB", labels.get("GPU-1-Memory"));
    }

    @Test
    void noGpusNoLabels() {
        assertEquals(Map.of(), GpuLabels.of(List.of()));
    }
}
