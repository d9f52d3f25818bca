package io.bacalao.orchestrator.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.orchestrator.store.JobStatistics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/orchestrator/summary}: Bacalao's addition for the web UI's counts and dashboard
 * (docs/webui.md). Jobs by state over the whole store, and the {@link JobActivity} of the last {@code minutes}
 * (1 to 120, default 30). {@code namespace} as on the jobs list (absent, "" or "*" = all).
 */
@RequestScoped
@Path("api/v1/orchestrator/summary")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {
    static final int MAX_MINUTES = 120;
    /** Rows read for the activity window at most; past it the oldest minutes undercount, as {@code Truncated} says. */
    static final int MAX_ROWS = 100_000;

    public record Summary(@JsonProperty("Jobs") Jobs jobs, @JsonProperty("Activity") JobActivity activity,
                          @JsonProperty("Truncated") boolean truncated) {
    }

    public record Jobs(@JsonProperty("Total") long total, @JsonProperty("ByState") Map<String, Long> byState) {
    }

    @Inject
    JobStatistics statistics;
    Clock clock = Clock.systemUTC();

    @GET
    public Summary summary(@QueryParam("namespace") String namespace, @QueryParam("minutes") String minutesText) {
        namespace = QueryParams.text("namespace", namespace);
        long minutes = minutesText == null || minutesText.isBlank() ? 30 : QueryParams.nonNegative("minutes", minutesText);
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new BadParameterException("invalid minutes: " + QueryParams.shorten(minutesText) + " (use 1 to " + MAX_MINUTES + ")");
        }
        Map<String, Long> byState = new LinkedHashMap<>();
        statistics.countsByState(namespace).forEach((state, n) -> {
            if (state != JobStateType.Undefined) byState.put(state.name(), n);
        });
        Instant now = clock.instant();
        long nowNanos = UnixNanos.of(now);
        var changed = statistics.changedSince(JobActivity.since(nowNanos, (int) minutes), namespace, MAX_ROWS);
        return new Summary(new Jobs(byState.values().stream().mapToLong(Long::longValue).sum(), byState),
                JobActivity.of(changed, nowNanos, (int) minutes), changed.size() >= MAX_ROWS);
    }
}
