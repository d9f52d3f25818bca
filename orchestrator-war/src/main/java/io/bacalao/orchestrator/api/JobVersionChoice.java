package io.bacalao.orchestrator.api;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.model.Job;
import io.bacalao.orchestrator.store.JobStore;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Which job {@code GET /jobs/{id}?job_version=N} answers (Bacalhau's {@code getJob}): 0 or absent, or the latest
 * version's number → the job as it is now; another number → that version as it was stored; a number without a
 * stored version → 404 {@code job version N not found for job <id>} (Bacalhau's {@code NewErrJobVersionNotFound}).
 */
final class JobVersionChoice {
    private JobVersionChoice() {
    }

    static Job of(Job latest, long requested, LongFunction<Optional<Job>> stored) {
        if (requested == 0 || requested == latest.version()) return latest;
        return stored.apply(requested).orElseThrow(() -> BacalaoException.notFound(JobStore.COMPONENT,
                "job version " + requested + " not found for job " + latest.id()));
    }
}
