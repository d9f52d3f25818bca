package io.bacalao.compute.capacity.gpu;

import io.bacalao.domain.model.GpuInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Intel GPUs, from {@code xpu-smi discovery --dump 1,2,11,16}.
 *
 * <p>Assumed format (no output from a real Intel GPU was available; this follows the xpu-smi user guide and its CLI
 * source): a header line of the requested properties' labels, then one line per device, comma-separated, strings in
 * double quotes. Property IDs 1, 2, 11 and 16 are {@code Device ID}, {@code Device Name}, {@code PCI BDF Address} and
 * {@code Memory Physical Size}; the memory is printed in MiB with two decimals and a unit ({@code "49152.00 MiB"})
 * and is rounded down to whole MiB. Columns are found by their header label, so their order does not matter.
 * The Device ID becomes the index. A row with an empty Device ID is a device xpu-smi lists as being in a bad state
 * and is skipped; an empty memory becomes 0. A header with no rows means no GPUs.
 */
public final class XpuSmi implements GpuProvider {
    public static final String VENDOR = "Intel";
    private static final List<String> COMMAND = List.of("xpu-smi", "discovery", "--dump", "1,2,11,16");
    private static final List<String> COLUMNS =
            List.of("Device ID", "Device Name", "PCI BDF Address", "Memory Physical Size");

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
        List<String> header = CsvLine.split(lines.get(0));
        int[] pos = CsvLine.positions(header, COLUMNS, "xpu-smi --dump output has no column", lines.get(0));
        List<GpuInfo> gpus = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = CsvLine.split(line);
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException("xpu-smi line has " + fields.size() + " fields, header has "
                        + header.size() + ": " + line);
            }
            if (!fields.get(pos[0]).isEmpty()) {
                gpus.add(new GpuInfo(number(fields.get(pos[0]), line), fields.get(pos[1]), VENDOR,
                        memoryMiB(fields.get(pos[3]), line), fields.get(pos[2])));
            }
        }
        return List.copyOf(gpus);
    }

    private static long memoryMiB(String value, String line) {
        String number = value.endsWith("MiB") ? value.substring(0, value.length() - 3).strip() : value;
        return number.isEmpty() ? 0 : number(number, line);
    }

    /** A non-negative decimal, rounded down. */
    private static long number(String value, String line) {
        try {
            BigDecimal n = new BigDecimal(value);
            if (n.signum() < 0) {
                throw new NumberFormatException();
            }
            return n.setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("xpu-smi value is not a number: " + value + " in: " + line);
        }
    }
}
