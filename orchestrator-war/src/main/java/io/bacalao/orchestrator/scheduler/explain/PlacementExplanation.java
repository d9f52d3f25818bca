package io.bacalao.orchestrator.scheduler.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a job does not fit the cluster, for people: one line per node, or per group of nodes sharing the same
 * diagnosis, each saying what the job needs, what the nodes offer and what would make it fit. Stored in the
 * job's {@code State.Details} ({@link #details()}) and shown by {@code job describe}.
 */
public record PlacementExplanation(int requested, int available, int suitable, List<String> lines) {
    /** Detail keys; the counts mirror Bacalhau's not-enough-nodes event details. */
    public static final String NODES_REQUESTED = "NodesRequested";
    public static final String NODES_AVAILABLE = "NodesAvailable";
    public static final String NODES_SUITABLE = "NodesSuitable";
    /** The lines, joined with newlines, each starting with "• ". */
    public static final String WHY = "Why";

    public PlacementExplanation {
        lines = List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }

    public Map<String, String> details() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(NODES_REQUESTED, String.valueOf(requested));
        d.put(NODES_AVAILABLE, String.valueOf(available));
        d.put(NODES_SUITABLE, String.valueOf(suitable));
        if (!lines.isEmpty()) d.put(WHY, text());
        return d;
    }
}
