package io.bacalao.compute.capacity.gpu;

import io.bacalao.domain.model.GpuInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node labels Bacalhau derives from its GPUs ({@code pkg/compute/capacity/labels.go}): for the i-th GPU of the
 * list, {@code GPU-<i>} = its name and {@code GPU-<i>-Memory} = {@code <MiB>-MiB}. As in Bacalhau, i is the position in
 * the list (not {@link GpuInfo#index()}, which two vendors may share) and spaces in values become dashes, so an
 * NVIDIA H200 is {@code GPU-0=NVIDIA-H200}, {@code GPU-0-Memory=143771-MiB}.
 */
public final class GpuLabels {
    private GpuLabels() {
    }

    /** The labels in GPU order, two per GPU; unmodifiable, empty for no GPUs. */
    public static Map<String, String> of(List<GpuInfo> gpus) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < gpus.size(); i++) {
            labels.put("GPU-" + i, gpus.get(i).name().replace(' ', '-'));
            labels.put("GPU-" + i + "-Memory", gpus.get(i).memory() + "-MiB");
        }
        return Collections.unmodifiableMap(labels);
    }
}
