package io.bacalao.cli.command.job;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.bacalao.cli.client.ApiClient;
import io.bacalao.cli.render.Times;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.JobHistory;
import io.bacalao.domain.spec.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Follows a job's history as {@code job run} does (reference §6.2): polls the history route with its paging
 * token until the token comes back empty (the job ended), pausing between reads as {@link HistoryPolls} says;
 * prints the first event with the header, then execution-level events, and job-level errors until an execution
 * error has been shown.
 *
 * <p>With {@code --group-events} (Bacalhau's grouped printer) it shows instead one table: each execution's latest
 * event in the order the executions appeared, then the job's latest event. On a terminal the table is redrawn in
 * place at every event; otherwise it is printed once, when the job ended or the wait timed out.
 */
final class ProgressPrinter {
    private static final String FORMAT = " %-12s  %-10s  %-15s  %s%n";
    private static final int PAGE = 10;

    private final ApiClient client;
    private final PrintWriter out;
    private final boolean grouped;

    ProgressPrinter(ApiClient client, PrintWriter out) {
        this(client, out, false);
    }

    ProgressPrinter(ApiClient client, PrintWriter out, boolean grouped) {
        this.client = client;
        this.out = out;
        this.grouped = grouped;
    }

    /** Returns true when the job ended before {@code timeout}. */
    boolean follow(String jobId, Duration timeout, boolean print) throws InterruptedException {
        return follow(jobId, 0, timeout, print);
    }

    /** Follows the history of one job version (0 = the latest); true when the job ended before {@code timeout}. */
    boolean follow(String jobId, long version, Duration timeout, boolean print) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        var type = Json.mapper().getTypeFactory().constructType(new TypeReference<ApiModels.ListResponse<JobHistory>>() {
        });
        GroupedEvents groups = grouped && print ? new GroupedEvents(System.console() != null) : null;
        try {
            return poll(jobId, version, deadline, print, groups, type);
        } finally {
            if (groups != null) groups.finish();
        }
    }

    private boolean poll(String jobId, long version, Instant deadline, boolean print, GroupedEvents groups,
                         JavaType type) throws InterruptedException {
        String token = "";
        HistoryPolls polls = new HistoryPolls();
        boolean first = true;
        boolean executionError = false;
        while (Instant.now().isBefore(deadline)) {
            ApiModels.ListResponse<JobHistory> page = client.get(JobPaths.job(jobId, "history")
                    .param("event_type", "all").param("limit", PAGE).param("next_token", token)
                    .param("job_version", version > 0 ? version : null).build(), type);
            for (JobHistory h : page.items()) {
                if (groups != null) {
                    groups.add(h);
                    continue;
                }
                boolean show = first || !h.isJobLevel() || (h.event().isError() && !executionError);
                if (print && show) {
                    if (first) out.printf(FORMAT, "TIME", "EXEC. ID", "TOPIC", "EVENT");
                    row(out, h);
                }
                if (!h.isJobLevel() && h.event().isError()) executionError = true;
                first = false;
            }
            out.flush();
            if (page.nextToken() == null || page.nextToken().isEmpty()) return true;
            token = page.nextToken();
            if (page.items().size() < PAGE) Thread.sleep(polls.after(!page.items().isEmpty()).toMillis());
        }
        return false;
    }

    /** Bacalhau's grouped printer: the latest event per execution, in discovery order, then the job's. */
    private final class GroupedEvents {
        private final boolean live;
        private final Map<String, JobHistory> executions = new LinkedHashMap<>();
        private JobHistory job;
        private int drawnLines;

        GroupedEvents(boolean live) {
            this.live = live;
        }

        void add(JobHistory h) {
            if (h.isJobLevel()) job = h;
            else executions.put(h.executionId(), h);
            if (live) draw();
        }

        void finish() {
            if (!live && (job != null || !executions.isEmpty())) draw();
        }

        private void draw() {
            if (drawnLines > 0) out.print("\033[" + drawnLines + "A\033[J");
            StringWriter table = new StringWriter();
            PrintWriter w = new PrintWriter(table);
            w.printf(FORMAT, "TIME", "EXEC. ID", "TOPIC", "EVENT");
            executions.values().forEach(h -> row(w, h));
            if (job != null) row(w, job);
            w.flush();
            out.print(table);
            out.flush();
            drawnLines = (int) table.toString().chars().filter(c -> c == '\n').count();
        }
    }

    private static void row(PrintWriter out, JobHistory h) {
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
