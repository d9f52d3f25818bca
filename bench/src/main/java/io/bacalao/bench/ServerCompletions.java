package io.bacalao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.spec.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How many jobs the orchestrator completed within a time window by its own clock: the jobs whose state is
 * Completed and whose {@code ModifyTime} (stamped with that change; nothing changes a completed job afterwards)
 * falls in the window. Unlike the client's view (a job's end is seen only after its submit was answered and the
 * completion watcher next polled), this does not depend on how fast the API answers, which under more submits than
 * the orchestrator completes is slow for reasons of its own (docs/orchestrator-performance.md, "Overload").
 */
final class ServerCompletions {
    private ServerCompletions() {
    }

    /** Counts over every job, paging the listing ({@code get} answers a path of the API). */
    static long within(ThrowingGet get, long fromUnixNanos, long toUnixNanos) throws Exception {
        long count = 0;
        String token = "";
        do {
            JsonNode page = Json.mapper().readTree(get.get("/api/v1/orchestrator/jobs?limit=1000"
                    + (token.isEmpty() ? "" : "&next_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
            count += within(page.path("Items"), fromUnixNanos, toUnixNanos);
            token = page.path("NextToken").asText("");
        } while (!token.isEmpty());
        return count;
    }

    /** Of these jobs (the listing's {@code Items}), those completed in [from, to). */
    static long within(JsonNode jobs, long fromUnixNanos, long toUnixNanos) {
        long count = 0;
        for (JsonNode job : jobs) {
            long modified = job.path("ModifyTime").asLong();
            if ("Completed".equals(job.path("State").path("StateType").asText())
                    && modified >= fromUnixNanos && modified < toUnixNanos) count++;
        }
        return count;
    }

    interface ThrowingGet {
        String get(String path) throws Exception;
    }
}
