package io.bacalao.orchestrator.store;

import io.bacalao.domain.config.Durations;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.UnixNanos;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Which jobs {@code Orchestrator.Retention.Jobs} lets go: a job that ended (Completed, Failed, Stopped) and has not
 * changed for longer than the retention. A zero or negative retention keeps every job. Times are Unix nanoseconds,
 * as the job's {@code ModifyTime}. A purged job leaves a tombstone ({@link PurgedJobEntity}) for one more
 * retention, so that asking for it says why it is gone; then the tombstone goes too.
 */
public record JobRetentionRule(Duration retention) {
    public static final String KEY = io.bacalao.domain.config.ConfigKeys.JOB_RETENTION;
    static final List<String> ENDED = List.of(JobStateType.Completed.name(), JobStateType.Failed.name(),
            JobStateType.Stopped.name());

    public boolean keepsForever() {
        return retention == null || retention.isZero() || retention.isNegative();
    }

    /** Jobs (and tombstones) last changed before this are due; empty when everything is kept. */
    public OptionalLong dueBefore(Instant now) {
        if (keepsForever()) return OptionalLong.empty();
        Instant cutoff = now.minus(retention);
        return OptionalLong.of(UnixNanos.of(cutoff));
    }

    /** Whether a job in {@code state} (its state column) last changed at {@code modifyTime} is due. */
    public static boolean purgeable(String state, long modifyTime, long dueBefore) {
        return ENDED.contains(state) && modifyTime < dueBefore;
    }

    /** The 404 message for a job that was purged at {@code purgedAt} under {@code retention} (as configured). */
    public static String goneMessage(String jobId, Instant purgedAt, String retention) {
        return "job not found: " + jobId + " ended and was purged at " + purgedAt + "; ended jobs are kept for "
                + retention + " after their last change (" + KEY + ")";
    }

    /** The retention as the config reference writes it ({@code 720h}). */
    public String text() {
        return Durations.format(retention);
    }
}
