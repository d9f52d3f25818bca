package io.bacalao.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latency samples in milliseconds and their summary line. */
final class Stats {
    private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());

    void add(double millis) {
        samples.add(millis);
    }

    String summary(String label, double seconds) {
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        if (s.isEmpty()) return label + ": no samples";
        return String.format(Locale.ROOT, "%-28s count=%d p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms rate=%.1f/s",
                label, s.size(), pct(s, 50), pct(s, 90), pct(s, 99), s.get(s.size() - 1), s.size() / seconds);
    }

    List<Double> values() {
        return new ArrayList<>(samples);
    }

    double percentile(int p) {
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        return pct(s, p);
    }

    private static double pct(List<Double> s, int p) {
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }
}
