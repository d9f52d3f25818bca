package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What a task asks for, as the user wrote it ("500m", "512Mb", "10GB", "1"). Parse with {@link Resources#parse}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ResourcesConfig(
        @JsonProperty("CPU") String cpu,
        @JsonProperty("Memory") String memory,
        @JsonProperty("Disk") String disk,
        @JsonProperty("GPU") String gpu) {

    public static final ResourcesConfig EMPTY = new ResourcesConfig(null, null, null, null);

    public ResourcesConfig {
        cpu = clean(cpu);
        memory = clean(memory);
        disk = clean(disk);
        gpu = clean(gpu);
    }

    private static String clean(String s) {
        return s == null ? "" : s.trim();
    }

    @JsonIgnore
    public boolean isEmpty() {
        return cpu.isEmpty() && memory.isEmpty() && disk.isEmpty() && gpu.isEmpty();
    }

    /** Fills each empty field from the defaults. */
    public ResourcesConfig orElse(ResourcesConfig defaults) {
        return new ResourcesConfig(
                cpu.isEmpty() ? defaults.cpu : cpu,
                memory.isEmpty() ? defaults.memory : memory,
                disk.isEmpty() ? defaults.disk : disk,
                gpu.isEmpty() ? defaults.gpu : gpu);
    }
}
