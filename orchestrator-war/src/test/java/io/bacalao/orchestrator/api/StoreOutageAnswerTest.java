package io.bacalao.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bacalao.domain.error.ApiError;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreOutageAnswerTest {
    private static final Exception CONNECTION_REFUSED = new SQLException("Connection refused", "08001");

    @Test
    void aStoreFailureWhileTheStoreIsDownIsA503WithBacalhausBody() {
        Throwable t = new EJBException(new PersistenceException("could not get a connection", CONNECTION_REFUSED));

        ApiError e = StoreOutageAnswer.of(t, () -> false, "req-1");

        assertEquals(503, e.status());
        assertEquals("ServiceUnavailable", e.code());
        assertEquals("JobStore", e.component());
        assertEquals("req-1", e.requestId());
        assertEquals(StoreOutageAnswer.MESSAGE, e.message());
    }

    @Test
    void aStoreFailureWhileTheStoreAnswersIsNotAnOutage() {
        assertNull(StoreOutageAnswer.of(new PersistenceException("constraint violated"), () -> true, "req-1"));
    }

    @Test
    void anotherFailureIsNotAnOutageEvenWhenTheStoreIsDown() {
        assertNull(StoreOutageAnswer.of(new IllegalStateException("a bug"), () -> false, "req-1"));
    }

    @Test
    void eclipseLinksOwnDatabaseExceptionCounts() {
        Throwable t = org.eclipse.persistence.exceptions.DatabaseException.sqlException(new SQLException("gone"));

        assertEquals(503, StoreOutageAnswer.of(new RuntimeException(t), () -> false, "").status());
    }
}
