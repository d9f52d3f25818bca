package io.bacalao.domain.quantity;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the quantities users write: CPU in Kubernetes form ({@code 500m}, {@code 1.5}, {@code 2k}),
 * bytes in go-humanize form ({@code 512Mb} = 512e6, {@code 1Gi} = 2^30, case-insensitive), percentages
 * ({@code 85%}) and plain counts. Every parser throws {@link IllegalArgumentException} on bad input.
 */
public final class Quantities {
    private static final Pattern CPU = Pattern.compile("^([+]?[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$");
    private static final Pattern BYTES = Pattern.compile("^([+]?[0-9][0-9,]*\\.?[0-9]*|\\.[0-9]+)\\s*([a-zA-Z]*)$");
    private static final Pattern PERCENT = Pattern.compile("^([0-9]*\\.?[0-9]+)\\s*%$");
    private static final long KI = 1024;
    private static final Map<String, Double> CPU_SUFFIX = Map.ofEntries(
            Map.entry("m", 1e-3), Map.entry("k", 1e3), Map.entry("M", 1e6), Map.entry("G", 1e9),
            Map.entry("T", 1e12), Map.entry("P", 1e15), Map.entry("E", 1e18),
            Map.entry("Ki", (double) KI), Map.entry("Mi", Math.pow(KI, 2)), Map.entry("Gi", Math.pow(KI, 3)),
            Map.entry("Ti", Math.pow(KI, 4)), Map.entry("Pi", Math.pow(KI, 5)), Map.entry("Ei", Math.pow(KI, 6)));
    private static final Map<String, BigDecimal> BYTE_UNITS = byteUnits();
    private static final String[] SI_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    private Quantities() {
    }

    /** CPU cores from a Kubernetes quantity: {@code 500m} = 0.5, {@code 2} = 2.0. */
    public static double parseCpu(String text) {
        String s = requireText(text);
        Matcher m = CPU.matcher(s);
        if (!m.matches()) throw new IllegalArgumentException("invalid CPU quantity: " + text);
        double value = Double.parseDouble(m.group(1));
        String suffix = m.group(2);
        double cores = suffix == null ? value : value * CPU_SUFFIX.get(suffix);
        if (!Double.isFinite(cores)) throw new IllegalArgumentException("CPU quantity too large: " + text);
        return cores;
    }

    /** Bytes from a go-humanize string: {@code 512Mb} = 512,000,000; {@code 512MiB} = 536,870,912; {@code 10} = 10. */
    public static long parseBytes(String text) {
        String s = requireText(text);
        Matcher m = BYTES.matcher(s);
        if (!m.matches()) throw new IllegalArgumentException("invalid byte quantity: " + text);
        BigDecimal number;
        try {
            number = new BigDecimal(m.group(1).replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid byte quantity: " + text, e);
        }
        BigDecimal unit = BYTE_UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (unit == null) throw new IllegalArgumentException("unhandled size name: " + m.group(2));
        BigDecimal bytes = number.multiply(unit);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("too large: " + text);
        }
        return bytes.longValue();
    }

    /** A fraction from a percentage: {@code 85%} = 0.85. Must lie in (0, 100]. */
    public static double parsePercent(String text) {
        Matcher m = PERCENT.matcher(requireText(text));
        if (!m.matches()) throw new IllegalArgumentException("invalid percentage: " + text);
        double pct = Double.parseDouble(m.group(1));
        if (pct <= 0 || pct > 100) throw new IllegalArgumentException("percentage must be in (0, 100]: " + text);
        return pct / 100.0;
    }

    public static boolean isPercent(String text) {
        return text != null && text.trim().endsWith("%");
    }

    /** A non-negative whole number (GPU counts). */
    public static long parseCount(String text) {
        String s = requireText(text);
        try {
            long v = Long.parseLong(s);
            if (v < 0) throw new IllegalArgumentException("negative count: " + text);
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid count: " + text, e);
        }
    }

    /** go-humanize's SI form: {@code 537 MB}, {@code 1.1 GB}, {@code 9 B}. */
    public static String formatBytes(long bytes) {
        if (bytes < 10) return bytes + " B";
        int exp = (int) Math.floor(Math.log(bytes) / Math.log(1000));
        exp = Math.min(exp, SI_UNITS.length - 1);
        double val = Math.floor(bytes / Math.pow(1000, exp) * 10 + 0.5) / 10;
        return (val < 10 ? String.format(Locale.ROOT, "%.1f", val) : String.format(Locale.ROOT, "%.0f", val))
                + " " + SI_UNITS[exp];
    }

    /** Cores without trailing zeros: 0.5, 2, 1.25. */
    public static String formatCpu(double cores) {
        BigDecimal d = BigDecimal.valueOf(Math.round(cores * 1000) / 1000.0).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty quantity");
        String s = text.trim();
        if (s.startsWith("-")) throw new IllegalArgumentException("negative quantity: " + text);
        return s;
    }

    private static Map<String, BigDecimal> byteUnits() {
        java.util.HashMap<String, BigDecimal> m = new java.util.HashMap<>();
        m.put("", BigDecimal.ONE);
        m.put("b", BigDecimal.ONE);
        String[] prefixes = {"k", "m", "g", "t", "p", "e"};
        for (int i = 0; i < prefixes.length; i++) {
            BigDecimal si = BigDecimal.valueOf(1000).pow(i + 1);
            BigDecimal iec = BigDecimal.valueOf(1024).pow(i + 1);
            m.put(prefixes[i], si);
            m.put(prefixes[i] + "b", si);
            m.put(prefixes[i] + "i", iec);
            m.put(prefixes[i] + "ib", iec);
        }
        return Map.copyOf(m);
    }
}
