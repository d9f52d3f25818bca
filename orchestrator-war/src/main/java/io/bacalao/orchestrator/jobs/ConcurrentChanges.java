package io.bacalao.orchestrator.jobs;

import io.bacalao.orchestrator.store.ConcurrentChangeException;
import java.util.function.Supplier;

/**
 * A user's change (update, stop, rerun) reads the job, decides, then writes under the job's lock only if the job is
 * still at the revision it read. An evaluation or a node's report may move the revision in between — routinely for
 * a queued or running job — and the user did not ask to lose that race: the change is decided again from the job as
 * it is now, up to {@link #ATTEMPTS} times. Each attempt is its own transaction (the caller holds none), so a retry
 * sees the other change. Only when the job keeps changing under every attempt does the 409 reach the user.
 */
final class ConcurrentChanges {
    static final int ATTEMPTS = 5;

    private ConcurrentChanges() {
    }

    static <T> T retried(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (ConcurrentChangeException e) {
                if (attempt >= ATTEMPTS) throw e;
            }
        }
    }
}
