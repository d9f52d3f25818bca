package io.bacalao.orchestrator.housekeeping;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A database error only skips a job until the next pass; anything else is the job's data and fails it. */
class BadJobsTest {

    @Test
    void databaseErrorsAreRecognisedThroughWrappers() {
        assertTrue(BadJobs.isDatabaseError(new EJBException(new PersistenceException("lock timeout"))));
        assertTrue(BadJobs.isDatabaseError(new RuntimeException(new SQLException("connection refused"))));
    }

    @Test
    void unreadableOrNonsensicalDataIsNotADatabaseError() {
        assertFalse(BadJobs.isDatabaseError(new EJBException(new UncheckedIOException(new IOException("bad json")))));
        assertFalse(BadJobs.isDatabaseError(new IllegalStateException("job j-1 has no task")));
    }
}
