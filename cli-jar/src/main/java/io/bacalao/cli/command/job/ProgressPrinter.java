package io.bacalao.cli.command.job;

import com.fasterxml.jackson.core.type.TypeReference;
import io.bacalao.cli.client.ApiClient;
import io.bacalao.cli.render.Times;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.JobHistory;
import io.bacalao.domain.spec.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * Follows a job's history as {@code job run} does (reference §6.2): polls the history route with its paging
 * token until the token comes back empty (the job ended); prints the first event with the header, then
 * execution-level events, and job-level errors until an execution error has been shown.
 */
final class ProgressPrinter {
    private static final String FORMAT = " %-12s  %-10s  %-15s  %s%n";
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int PAGE = 10;

    private final ApiClient client;
    private final PrintWriter out;

    ProgressPrinter(ApiClient client, PrintWriter out) {
        this.client = client;
        this.out = out;
    }

    /** Returns true when the job ended before {@code timeout}. */
    boolean follow(String jobId, Duration timeout, boolean print) throws InterruptedException {
        return follow(jobId, 0, timeout, print);
    }

    /** Follows the history of one job version (0 = the latest); true when the job ended before {@code timeout}. */
    boolean follow(String jobId, long version, Duration timeout, boolean print) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String token = "";
        boolean first = true;
        boolean executionError = false;
        var type = Json.mapper().getTypeFactory().constructType(new TypeReference<ApiModels.ListResponse<JobHistory>>() {
        });
        while (Instant.now().isBefore(deadline)) {
            ApiModels.ListResponse<JobHistory> page = client.get(JobPaths.job(jobId, "history")
                    .param("event_type", "all").param("limit", PAGE).param("next_token", token)
                    .param("job_version", version > 0 ? version : null).build(), type);
            for (JobHistory h : page.items()) {
                boolean show = first || !h.isJobLevel() || (h.event().isError() && !executionError);
                if (print && show) {
                    if (first) out.printf(FORMAT, "TIME", "EXEC. ID", "TOPIC", "EVENT");
                    row(h);
                }
                if (!h.isJobLevel() && h.event().isError()) executionError = true;
                first = false;
            }
            out.flush();
            if (page.nextToken() == null || page.nextToken().isEmpty()) return true;
            token = page.nextToken();
            if (page.items().size() < PAGE) Thread.sleep(POLL.toMillis());
        }
        return false;
    }

    private void row(JobHistory h) {
        Event e = h.event();
        String text = (e.isError() ? "Error: " : "") + e.message();
        String hint = e.details().get(Event.DETAIL_HINT);
        if (hint != null && !hint.isBlank()) text += "\n" + "Hint: " + hint;
        String[] lines = text.split("\n");
        out.printf(FORMAT, Times.clock(e.timestamp() != null ? e.timestamp() : h.time()),
                h.executionId() == null ? "" : Ids.shortId(h.executionId()), e.topic(), lines[0]);
        for (int i = 1; i < lines.length; i++) out.printf(FORMAT, "", "", "", lines[i]);
    }
}
