package io.bacalao.orchestrator.housekeeping;

import io.bacalao.orchestrator.jobs.Failures;
import io.bacalao.orchestrator.store.JobFailures;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The jobs one pass of a sweep could not process. Each is logged once per pass with its ID and counted, and
 * the pass goes on with the others. When the job's own data is at fault (it cannot be read or makes no
 * sense), the job is failed with the reason ({@link JobFailures}), so that it ends and later passes no longer
 * meet it; a database error only skips it until the next pass.
 */
final class BadJobs {
    private final String pass;
    private final Logger log;
    private final JobFailures failures;
    private final Clock clock;
    private final Set<String> jobIds = new LinkedHashSet<>();

    BadJobs(String pass, Logger log, JobFailures failures, Clock clock) {
        this.pass = pass;
        this.log = log;
        this.failures = failures;
        this.clock = clock;
    }

    /** Records that processing the job threw {@code t}; rethrows only a VM-fatal error. */
    void failed(String jobId, Throwable t) {
        Failures.rethrowIfVmFatal(t);
        if (!jobIds.add(jobId)) return;
        String why = Failures.describe(t);
        if (isDatabaseError(t)) {
            log.warning(pass + ": job " + jobId + " skipped until the next pass, a database error: " + why);
            return;
        }
        log.warning(pass + ": job " + jobId + " skipped and failed, its stored data cannot be processed: " + why);
        try {
            failures.failJob(jobId, "Job failed because its stored data cannot be processed: " + why, clock.instant());
        } catch (RuntimeException e) {
            log.warning(pass + ": job " + jobId + " could not be failed either: " + Failures.describe(e));
        }
    }

    boolean contains(String jobId) {
        return jobIds.contains(jobId);
    }

    int count() {
        return jobIds.size();
    }

    /** One summary line when the pass skipped anything. */
    void report() {
        if (jobIds.isEmpty()) return;
        log.warning(pass + " skipped " + jobIds.size() + " job(s): " + String.join(", ", jobIds));
    }

    static boolean isDatabaseError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof PersistenceException || c instanceof SQLException) return true;
        }
        return false;
    }
}
