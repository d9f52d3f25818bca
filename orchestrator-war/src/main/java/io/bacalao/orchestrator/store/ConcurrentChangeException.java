package io.bacalao.orchestrator.store;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.error.ErrorCode;
import jakarta.ejb.ApplicationException;

/**
 * A user's change was made from a job revision that moved on before the change took the job's lock (an evaluation
 * or a node's report came in between). 409 when it reaches the API; the job service reads the job again and retries
 * first, so a user sees it only when the job keeps changing. The transaction rolls back.
 */
@ApplicationException(rollback = true)
public class ConcurrentChangeException extends BacalaoException {
    public ConcurrentChangeException(String jobId, long found, long expected) {
        super(ErrorCode.NONE, 409, JobStore.COMPONENT, "job " + jobId + " changed concurrently (revision " + found
                + ", expected " + expected + "); try again", null);
    }
}
