package io.bacalao.compute.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Purges what ended executions leave once {@code Compute.Executions.Retention} has passed (DESIGN §4 invariant 7):
 * execution folders (by then only their logs, see {@link ExecutionFolders}) whose execution is no longer active, and
 * locally published result archives. Age is the file's modification time: an execution folder is stamped when its
 * execution ends, an archive when it is written. A zero or negative retention keeps everything.
 */
public final class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    private final Clock clock;
    private final Duration retention;

    public Retention(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * How long files stay: {@code Compute.Executions.Retention}, capped at {@code Orchestrator.Retention.Jobs} so
     * that no result outlives the job that names it; zero (kept) only when both are zero or negative.
     */
    public static Duration forFiles(Duration executions, Duration jobs) {
        boolean keepFiles = executions == null || executions.isZero() || executions.isNegative();
        boolean keepJobs = jobs == null || jobs.isZero() || jobs.isNegative();
        if (keepFiles) return keepJobs ? Duration.ZERO : jobs;
        return keepJobs || executions.compareTo(jobs) <= 0 ? executions : jobs;
    }

    /**
     * The node's record of an ended execution is kept as long as the orchestrator keeps its job
     * ({@code Orchestrator.Retention.Jobs}): until then a message about it may still come (a redelivered run request
     * must not run twice, a state request must be answered with the outcome). Records last changed before the
     * returned time (Unix milliseconds) are due; empty when records are kept forever.
     */
    public static OptionalLong recordsDueBefore(Clock clock, Duration jobs) {
        if (jobs == null || jobs.isZero() || jobs.isNegative()) return OptionalLong.empty();
        return OptionalLong.of(clock.instant().minus(jobs).toEpochMilli());
    }

    /**
     * Deletes the folders under {@code executionsDir} older than the retention whose execution {@code active} does not
     * claim (by execution ID), and the files under each of {@code publishedDirs} older than the retention. Returns how
     * many entries were deleted; one that cannot be deleted is logged and tried again next time.
     */
    public int sweep(Path executionsDir, Predicate<String> active, List<Path> publishedDirs) {
        if (retention == null || retention.isZero() || retention.isNegative()) return 0;
        Instant before = clock.instant().minus(retention);
        int deleted = sweep(executionsDir, before, p -> !active.test(p.getFileName().toString()));
        for (Path dir : publishedDirs) deleted += sweep(dir, before, Files::isRegularFile);
        return deleted;
    }

    private static int sweep(Path dir, Instant before, Predicate<Path> eligible) {
        if (!Files.isDirectory(dir)) return 0;
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.toList();
        } catch (IOException e) {
            LOG.warning(() -> "cannot list " + dir + ": " + e.getMessage());
            return 0;
        }
        int deleted = 0;
        for (Path p : entries) {
            try {
                if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before) && eligible.test(p)) {
                    ExecutionFolders.delete(p);
                    deleted++;
                }
            } catch (IOException e) {
                LOG.warning(() -> "cannot delete " + p + " after its retention: " + e.getMessage());
            }
        }
        return deleted;
    }
}
