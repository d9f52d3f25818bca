package io.bacalao.orchestrator.api;

import io.bacalao.orchestrator.health.ReadinessChecks;
import jakarta.enterprise.inject.spi.CDI;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * An unexpected error that came from the job store while the store is down (PostgreSQL stopped, its network gone)
 * is the store's outage, not a fault of the request or a bug: the API answers 503 ServiceUnavailable, so that
 * clients retry, rather than 500. The store's readiness is asked only for errors that came through it.
 */
final class StoreOutage {
    static final String MESSAGE = "the job store is unavailable; nothing was changed, retry once it is back";
    static final String HINT = "the orchestrator is ready again when GET /health/ready answers 200";

    private StoreOutage() {
    }

    /** True when {@code failure} came through the store (JPA or JDBC) and {@code storeReady} says it is down now. */
    static boolean explains(Throwable failure, BooleanSupplier storeReady) {
        return cameThroughStore(failure) && !storeReady.getAsBoolean();
    }

    /**
     * The job store's readiness check ({@link ReadinessChecks#jobStoreReady()}), looked up when an error needs it (the
     * error mapper is a JAX-RS provider); ready when it cannot be asked, so that a doubt leaves the error a 500.
     */
    static boolean storeReadyNow() {
        try {
            return CDI.current().select(ReadinessChecks.class).get().jobStoreReady();
        } catch (RuntimeException cannotAsk) {
            return true;
        }
    }

    static boolean cameThroughStore(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.PersistenceException || t instanceof SQLException) return true;
        }
        return false;
    }
}
