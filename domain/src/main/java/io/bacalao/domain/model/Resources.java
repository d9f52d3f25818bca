package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalao.domain.quantity.Quantities;
import java.util.ArrayList;
import java.util.List;

/**
 * Parsed resources: CPU in cores, Memory and Disk in bytes, GPU as a count (GPU memory in MiB in {@link GpuInfo}).
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Resources(
        @JsonProperty("CPU") double cpu,
        @JsonProperty("Memory") long memory,
        @JsonProperty("Disk") long disk,
        @JsonProperty("GPU") long gpu,
        @JsonProperty("GPUs") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<GpuInfo> gpus) {

    public static final Resources ZERO = new Resources(0, 0, 0, 0, List.of());
    private static final double CPU_EPSILON = 1e-9;

    public Resources {
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
    }

    public static Resources of(double cpu, long memory, long disk, long gpu) {
        return new Resources(cpu, memory, disk, gpu, List.of());
    }

    /** Parses a task's request; throws {@link IllegalArgumentException} with Bacalhau's message on bad values. */
    public static Resources parse(ResourcesConfig config) {
        double cpu = config.cpu().isEmpty() ? 0 : parseOr("CPU", config.cpu(), Quantities::parseCpu);
        long mem = config.memory().isEmpty() ? 0 : parseOr("Memory", config.memory(), Quantities::parseBytes);
        long disk = config.disk().isEmpty() ? 0 : parseOr("Disk", config.disk(), Quantities::parseBytes);
        long gpu = config.gpu().isEmpty() ? 0 : parseOr("GPU", config.gpu(), Quantities::parseCount);
        return of(cpu, mem, disk, gpu);
    }

    private static <T> T parseOr(String what, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + what + " value: " + value, e);
        }
    }

    public Resources plus(Resources o) {
        List<GpuInfo> all = gpus;
        if (all.isEmpty()) {
            all = o.gpus;
        } else if (!o.gpus.isEmpty()) {
            all = new ArrayList<>(gpus);
            all.addAll(o.gpus);
        }
        return new Resources(cpu + o.cpu, memory + o.memory, disk + o.disk, gpu + o.gpu, all);
    }

    public Resources minus(Resources o) {
        return new Resources(Math.max(0, cpu - o.cpu), Math.max(0, memory - o.memory),
                Math.max(0, disk - o.disk), Math.max(0, gpu - o.gpu), gpus);
    }

    public Resources scaled(double factor) {
        return new Resources(cpu * factor, (long) (memory * factor), (long) (disk * factor), (long) (gpu * factor), gpus);
    }

    /** True when every dimension of this is at most that of {@code limit}. */
    public boolean fitsIn(Resources limit) {
        return cpu <= limit.cpu + CPU_EPSILON && memory <= limit.memory && disk <= limit.disk && gpu <= limit.gpu;
    }

    /** Each zero dimension replaced by the default's (compute nodes account unset CPU/memory as 0.1 / 100 MiB). */
    public Resources orDefaults(Resources defaults) {
        return new Resources(cpu > 0 ? cpu : defaults.cpu, memory > 0 ? memory : defaults.memory,
                disk > 0 ? disk : defaults.disk, gpu > 0 ? gpu : defaults.gpu, gpus);
    }

    @JsonIgnore
    public boolean isZero() {
        return cpu <= CPU_EPSILON && memory == 0 && disk == 0 && gpu == 0;
    }

    /** Bacalhau's human form, e.g. {@code {CPU: 0.5, Memory: 512 MB, Disk: 0 B, GPU: 0}}. */
    @Override
    public String toString() {
        return "{CPU: " + Quantities.formatCpu(cpu) + ", Memory: " + Quantities.formatBytes(memory)
                + ", Disk: " + Quantities.formatBytes(disk) + ", GPU: " + gpu + "}";
    }
}
