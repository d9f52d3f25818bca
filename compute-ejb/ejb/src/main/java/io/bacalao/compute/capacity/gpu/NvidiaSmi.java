package io.bacalao.compute.capacity.gpu;

import io.bacalao.domain.model.GpuInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * NVIDIA GPUs, from
 * {@code nvidia-smi --query-gpu=index,gpu_name,memory.total,pci.bus_id --format=csv,noheader,nounits}.
 *
 * <p>The parser also reads the other CSV shapes nvidia-smi prints for a {@code --query-gpu}: with a header line
 * (columns are then found by name, so extra or reordered columns are fine; {@code name} and {@code gpu_name} are the
 * same column; a unit suffix such as {@code memory.total [MiB]} is ignored) and with units in the values
 * ({@code 143771 MiB}). Without a header the columns must be index, name, memory.total, pci.bus_id, in that order.
 * Memory is in MiB; a memory that nvidia-smi reports as {@code [N/A]} or {@code [Not Supported]} becomes 0.
 * The PCI bus ID is kept as printed, e.g. {@code 00000000:00:06.0} (8-digit domain).
 * Human-readable outputs ({@code nvidia-smi}, {@code -L}, {@code -q}) are rejected, not guessed at.
 */
public final class NvidiaSmi implements GpuProvider {
    public static final String VENDOR = "NVIDIA";
    private static final List<String> COMMAND = List.of("nvidia-smi",
            "--query-gpu=index,gpu_name,memory.total,pci.bus_id", "--format=csv,noheader,nounits");
    private static final List<String> COLUMNS = List.of("index", "name", "memory.total", "pci.bus_id");

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public List<String> command() {
        return COMMAND;
    }

    @Override
    public List<GpuInfo> parse(String output) {
        List<String> lines = CsvLine.lines(output);
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> first = CsvLine.split(lines.get(0));
        boolean hasHeader = !isDigits(first.get(0));
        int[] pos = hasHeader
                ? CsvLine.positions(first.stream().map(NvidiaSmi::columnName).toList(), COLUMNS,
                        "nvidia-smi output is not a --query-gpu CSV with column", lines.get(0))
                : new int[] {0, 1, 2, 3};
        List<GpuInfo> gpus = new ArrayList<>();
        for (String line : hasHeader ? lines.subList(1, lines.size()) : lines) {
            gpus.add(row(CsvLine.split(line), pos, line));
        }
        return List.copyOf(gpus);
    }

    private static String columnName(String headerField) {
        String name = headerField.replaceFirst("\\s*\\[.*]$", "").toLowerCase(Locale.ROOT);
        return name.equals("gpu_name") ? "name" : name;
    }

    private static GpuInfo row(List<String> fields, int[] pos, String line) {
        for (int p : pos) {
            if (p >= fields.size()) {
                throw new IllegalArgumentException("nvidia-smi line has " + fields.size() + " fields: " + line);
            }
        }
        String index = fields.get(pos[0]);
        if (!isDigits(index)) {
            throw new IllegalArgumentException("nvidia-smi GPU index is not a number: " + line);
        }
        return new GpuInfo(Long.parseLong(index), fields.get(pos[1]), VENDOR,
                memoryMiB(fields.get(pos[2]), line), fields.get(pos[3]));
    }

    private static long memoryMiB(String value, String line) {
        if (value.startsWith("[")) {
            return 0;
        }
        String digits = value.endsWith("MiB") ? value.substring(0, value.length() - 3).strip() : value;
        if (!isDigits(digits)) {
            throw new IllegalArgumentException("nvidia-smi memory.total is not a number of MiB: " + line);
        }
        return Long.parseLong(digits);
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.length() <= 18 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
