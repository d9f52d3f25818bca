package io.bacalao.orchestrator.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.orchestrator.store.JobStatistics.JobTimes;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Jobs submitted, completed and failed in each of the last {@code minutes} whole minutes up to now, oldest minute
 * first. A job counts as submitted in the minute of its create time, and as completed (or failed) in the minute of
 * its last change while it is in that state: a job rerun since it ended counts again only when it ends again.
 *
 * @param since the start of the first minute, Unix nanoseconds
 */
public record JobActivity(@JsonProperty("Since") long since, @JsonProperty("Minutes") int minutes,
                          @JsonProperty("Submitted") List<Integer> submitted,
                          @JsonProperty("Completed") List<Integer> completed,
                          @JsonProperty("Failed") List<Integer> failed) {
    static final long MINUTE_NANOS = 60_000_000_000L;

    /** The start of the window that ends with the minute holding {@code nowNanos}. */
    static long since(long nowNanos, int minutes) {
        return (Math.floorDiv(nowNanos, MINUTE_NANOS) - minutes + 1) * MINUTE_NANOS;
    }

    static JobActivity of(Collection<JobTimes> jobs, long nowNanos, int minutes) {
        long since = since(nowNanos, minutes);
        int[] submitted = new int[minutes];
        int[] completed = new int[minutes];
        int[] failed = new int[minutes];
        for (JobTimes job : jobs) {
            add(submitted, since, job.createTime());
            if (job.state() == JobStateType.Completed) add(completed, since, job.modifyTime());
            if (job.state() == JobStateType.Failed) add(failed, since, job.modifyTime());
        }
        return new JobActivity(since, minutes, list(submitted), list(completed), list(failed));
    }

    private static void add(int[] buckets, long since, long time) {
        if (time < since) return;
        long i = (time - since) / MINUTE_NANOS;
        if (i < buckets.length) buckets[(int) i]++;
    }

    private static List<Integer> list(int[] counts) {
        return IntStream.of(counts).boxed().toList();
    }
}
