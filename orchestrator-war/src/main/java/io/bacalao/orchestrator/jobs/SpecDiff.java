package io.bacalao.orchestrator.jobs;

import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The difference between a stored job spec and a new one, for {@code PUT /jobs/diff} and {@code job run
 * --dry-run}: both specs as YAML (without what {@link SpecComparison} ignores), compared line by line; changed
 * lines come with up to {@link #CONTEXT} unchanged lines around them, prefixed "- " (stored), "+ " (new) or
 * "  ", and "…" stands for skipped unchanged lines. Empty when the specs do not differ. (Bacalhau prints a
 * go-cmp diff of its structs; the prefixes and their colours are what its CLI relies on.)
 */
final class SpecDiff {
    static final int CONTEXT = 3;

    private SpecDiff() {
    }

    static String between(Job stored, Job updated) {
        List<String> a = lines(stored);
        List<String> b = lines(updated);
        List<String> marked = lcsDiff(a, b);
        return withContext(marked);
    }

    private static List<String> lines(Job job) {
        String yaml = Json.writeYaml(SpecComparison.comparable(job));
        List<String> out = new ArrayList<>();
        for (String l : yaml.split("\n")) {
            if (!l.equals("---") && !l.isEmpty()) out.add(l);
        }
        return out;
    }

    /** Classic longest-common-subsequence diff; specs are a few dozen lines, so O(n·m) is fine. */
    private static List<String> lcsDiff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.add("  " + a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add("- " + a.get(i++));
            } else {
                out.add("+ " + b.get(j++));
            }
        }
        return out;
    }

    private static String withContext(List<String> marked) {
        boolean[] keep = new boolean[marked.size()];
        boolean changed = false;
        for (int k = 0; k < marked.size(); k++) {
            if (marked.get(k).startsWith("  ")) continue;
            changed = true;
            for (int c = Math.max(0, k - CONTEXT); c <= Math.min(marked.size() - 1, k + CONTEXT); c++) keep[c] = true;
        }
        if (!changed) return "";
        StringBuilder sb = new StringBuilder();
        boolean skipped = false;
        for (int k = 0; k < marked.size(); k++) {
            if (!keep[k]) {
                skipped = true;
                continue;
            }
            if (skipped && !sb.isEmpty()) sb.append("  …\n");
            skipped = false;
            sb.append(marked.get(k)).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
