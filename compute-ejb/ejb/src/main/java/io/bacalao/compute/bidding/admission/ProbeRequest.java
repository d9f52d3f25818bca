package io.bacalao.compute.bidding.admission;

import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import java.util.Map;

/** What both probes are given: {@code {"Job": <the full job JSON>}} (Bacalhau's {@code BidStrategyRequest}). */
final class ProbeRequest {
    private ProbeRequest() {
    }

    static String json(Job job) {
        return Json.write(Map.of("Job", job));
    }

    /** Go's {@code %q} for the strings we quote in reasons (URLs, commands). */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
