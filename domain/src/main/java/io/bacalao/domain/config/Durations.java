package io.bacalao.domain.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go duration strings ({@code 1m30s}, {@code 500ms}, {@code 2h}); a bare number is read as seconds. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("([0-9]*\\.?[0-9]+)(ns|us|µs|ms|s|m|h)");

    private Durations() {
    }

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty duration");
        String s = text.trim();
        if (s.matches("[0-9]+")) return Duration.ofSeconds(Long.parseLong(s));
        if (s.equals("0")) return Duration.ZERO;
        Matcher m = PART.matcher(s);
        int pos = 0;
        double nanos = 0;
        while (m.find()) {
            if (m.start() != pos) throw new IllegalArgumentException("invalid duration: " + text);
            double v = Double.parseDouble(m.group(1));
            nanos += v * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            pos = m.end();
        }
        if (pos != s.length() || pos == 0) throw new IllegalArgumentException("invalid duration: " + text);
        return Duration.ofNanos((long) nanos);
    }

    /** Go's String() form: {@code 1m0s}, {@code 30s}, {@code 1h0m0s}, {@code 500ms}, {@code 0s}. */
    public static String format(Duration d) {
        if (d.isZero()) return "0s";
        long nanos = d.toNanos();
        if (nanos < 1_000) return nanos + "ns";
        if (nanos < 1_000_000) return trim(nanos / 1e3) + "µs";
        if (nanos < 1_000_000_000) return trim(nanos / 1e6) + "ms";
        long h = d.toHours();
        long m = d.toMinutesPart();
        double s = d.toSecondsPart() + d.toMillisPart() / 1000.0;
        String secs = trim(s);
        if (h > 0) return h + "h" + m + "m" + secs + "s";
        if (m > 0) return m + "m" + secs + "s";
        return secs + "s";
    }

    private static String trim(double v) {
        return v == Math.floor(v) ? String.valueOf((long) v) : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
