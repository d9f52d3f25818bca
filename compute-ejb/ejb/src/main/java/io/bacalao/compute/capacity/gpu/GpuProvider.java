package io.bacalao.compute.capacity.gpu;

import io.bacalao.domain.model.GpuInfo;
import java.util.List;

/**
 * One vendor's GPU probe: the command that lists its GPUs and a parser for that command's machine-readable output.
 * Providers are pure: they never run anything themselves ({@link GpuDetector} does), so parsers are tested on text.
 */
public interface GpuProvider {
    /** The vendor as Bacalhau reports it in {@code Resources.GPUs[].Vendor}: "NVIDIA", "AMD/ATI" or "Intel". */
    String vendor();

    /** The probe's argv; the first element is a program name looked up on PATH. */
    List<String> command();

    /**
     * The GPUs the command's standard output describes, in output order, each with the index the vendor tool gave it
     * and memory in MiB. Blank output means no GPUs (empty list). Any other output this parser cannot read throws
     * {@link IllegalArgumentException} naming the offending line or field: never a partial list.
     */
    List<GpuInfo> parse(String output);
}
