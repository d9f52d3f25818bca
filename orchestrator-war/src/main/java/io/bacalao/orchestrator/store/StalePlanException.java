package io.bacalao.orchestrator.store;

import jakarta.ejb.ApplicationException;

/** The job or an execution changed since the snapshot a plan was made from; the transaction rolls back. */
@ApplicationException(rollback = true)
public class StalePlanException extends RuntimeException {
    public StalePlanException(String message) {
        super(message);
    }
}
