package io.bacalao.orchestrator.api;

import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobHistory;
import io.bacalao.orchestrator.store.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages of job history with Bacalhau's contract: the NextToken stays non-empty while rows remain or while
 * the job (or the filtered execution) is not terminal, so clients can poll with it until it comes back empty.
 * An empty page returns the same offset again.
 */
@ApplicationScoped
public class HistoryPager {
    static final int DEFAULT_LIMIT = 100;

    @Inject
    JobStore store;

    /** Query parameters of {@code GET …/history}; {@code since} is Unix seconds. */
    public record Filter(int limit, String nextToken, long since, String eventType, String executionId,
                         long jobVersion, boolean allVersions) {
    }

    public ApiModels.ListResponse<JobHistory> page(Job job, Filter f) {
        String type = f.eventType() == null || f.eventType().isBlank() ? "all" : f.eventType();
        if (!List.of("all", "job", "execution").contains(type)) {
            throw new BadParameterException("invalid event type: " + f.eventType() + " (use all, job or execution)");
        }
        PagingToken token = f.nextToken() != null && !f.nextToken().isBlank() ? PagingToken.decode(f.nextToken())
                : new PagingToken("", false, f.limit() > 0 ? f.limit() : DEFAULT_LIMIT, 1);
        long version = f.jobVersion() > 0 ? f.jobVersion() : job.version();
        List<JobHistory> scanned = store.history(job.id(), token.offset(), 0);
        List<JobHistory> page = new ArrayList<>();
        boolean more = false;
        long next = token.offset();
        for (JobHistory h : scanned) {
            if (!matches(h, f, type, version)) {
                if (page.size() < token.limit()) next = h.seqNum() + 1;
                continue;
            }
            if (page.size() == token.limit()) {
                more = true;
                break;
            }
            page.add(h);
            next = h.seqNum() + 1;
        }
        boolean live = more || !finished(job, f.executionId());
        String nextToken = live ? new PagingToken("", false, token.limit(), next).encode() : "";
        return new ApiModels.ListResponse<>(page, nextToken);
    }

    private static boolean matches(JobHistory h, Filter f, String type, long version) {
        if (!f.allVersions() && h.jobVersion() != version) return false;
        if (type.equals("job") && !h.isJobLevel()) return false;
        if (type.equals("execution") && h.isJobLevel()) return false;
        if (f.executionId() != null && !f.executionId().isBlank()
                && (h.executionId() == null || !h.executionId().startsWith(f.executionId()))) return false;
        return f.since() <= 0 || h.time().getEpochSecond() >= f.since();
    }

    private boolean finished(Job job, String executionId) {
        if (executionId == null || executionId.isBlank()) return job.isTerminal();
        return store.executions(job.id()).stream().filter(e -> e.id().startsWith(executionId))
                .allMatch(Execution::isTerminal) || job.isTerminal();
    }
}
