package io.bacalao.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreOutageTest {
    @Test
    void aStoreErrorWhileTheStoreIsDownIsAnOutage() {
        assertTrue(StoreOutage.explains(new PersistenceException(new SQLException("Connection refused", "08001")), () -> false));
        assertTrue(StoreOutage.explains(new RuntimeException(new SQLException("gone")), () -> false), "JDBC, however wrapped");
    }

    @Test
    void aStoreErrorWhileTheStoreAnswersIsNot() {
        assertFalse(StoreOutage.explains(new PersistenceException("constraint violated"), () -> true));
    }

    @Test
    void otherErrorsDoNotAskTheStore() {
        AtomicInteger asked = new AtomicInteger();
        assertFalse(StoreOutage.explains(new IllegalStateException("a bug"), () -> {
            asked.incrementAndGet();
            return false;
        }));
        assertTrue(asked.get() == 0, "the readiness check runs only for errors that came through the store");
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(StoreOutage.cameThroughStore(a));
    }
}
