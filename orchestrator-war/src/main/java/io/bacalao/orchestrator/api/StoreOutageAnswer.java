package io.bacalao.orchestrator.api;

import io.bacalao.domain.error.ApiError;
import io.bacalao.domain.error.ErrorCode;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

/**
 * The answer to a request that failed because the job store is down: 503 with Bacalhau's error body
 * ({@code ServiceUnavailable}), so that a client retries instead of taking an internal error for a bug, and knows
 * that nothing it asked for was stored. A failure is the store's when a persistence or SQL exception caused it and
 * the store's readiness check fails now; a persistence error while the store answers is an internal error as before.
 */
final class StoreOutageAnswer {
    static final String MESSAGE = "the job store is not available; nothing was changed: try again once it is back"
            + " (GET /health/ready)";

    private StoreOutageAnswer() {
    }

    /** Whether the database layer raised {@code t} or something it caused. */
    static boolean fromStore(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof jakarta.persistence.PersistenceException || c instanceof SQLException
                    || c instanceof org.eclipse.persistence.exceptions.DatabaseException) {
                return true;
            }
        }
        return false;
    }

    /** The 503 body when {@code t} came from the store and {@code storeReady} says it is down now; null otherwise. */
    static ApiError of(Throwable t, BooleanSupplier storeReady, String requestId) {
        if (!fromStore(t) || storeReady.getAsBoolean()) return null;
        ErrorCode code = ErrorCode.SERVICE_UNAVAILABLE;
        return new ApiError(code.status(), MESSAGE, requestId, code.code(), "JobStore", null, null);
    }
}
