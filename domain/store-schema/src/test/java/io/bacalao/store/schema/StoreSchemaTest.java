package io.bacalao.store.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Flyway as {@link StoreSchema} sets it up, on the migrations of a sample store (src/test/resources/db/sample/h2). */
class StoreSchemaTest {
    private final JdbcDataSource db = new JdbcDataSource();
    private final StoreSchema sample = new StoreSchema("sample");

    StoreSchemaTest() {
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private MigrateResult migrate() {
        return sample.migrate(db, getClass().getClassLoader());
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        }
    }

    /** The successful entries of the history table: version and type. */
    private List<String> history() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select \"version\", \"type\" from \"sample_schema_history\" where \"success\" and \"version\" is not null order by \"installed_rank\"")) {
            while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2));
        }
        return out;
    }

    @Test
    void anEmptyDatabaseRunsEveryMigration() throws Exception {
        MigrateResult r = migrate();
        assertEquals(2, r.migrationsExecuted);
        assertEquals("2", r.targetSchemaVersion);
        assertEquals(List.of("1 SQL", "2 SQL"), history());
    }

    @Test
    void aDatabaseWrittenBeforeVersioningIsBaselinedAtZeroAndKeepsItsRows() throws Exception {
        // the tables as an unversioned earlier version left them: no NOTE column, no index, one row
        sql("CREATE TABLE SAMPLE_ITEM (ID VARCHAR(64) NOT NULL PRIMARY KEY, NAME VARCHAR(64) NOT NULL)",
                "INSERT INTO SAMPLE_ITEM (ID, NAME) VALUES ('a', 'kept')");
        MigrateResult r = migrate();
        assertEquals(2, r.migrationsExecuted);
        assertEquals(List.of("0 BASELINE", "1 SQL", "2 SQL"), history());
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT NAME, NOTE, SIZE_BYTES FROM SAMPLE_ITEM WHERE ID = 'a'")) {
            assertTrue(rs.next(), "the row of the earlier version is still there");
            assertEquals("kept", rs.getString(1));
            assertEquals(0, rs.getLong(3));
        }
    }

    @Test
    void aStoreThatCannotBeReachedIsToldAsSuch() {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";IFEXISTS=TRUE");
        FlywayException e = assertThrows(FlywayException.class,
                () -> sample.migrate(missing, getClass().getClassLoader()));
        assertTrue(e.getMessage().startsWith("cannot reach the store to check its schema: "), e.getMessage());
    }

    @Test
    void aSecondStartRunsNothing() throws Exception {
        migrate();
        MigrateResult again = migrate();
        assertEquals(0, again.migrationsExecuted);
        assertEquals("2", again.initialSchemaVersion);
    }

    @Test
    void aStoreNewerThanTheCodeIsRefused() throws Exception {
        migrate();
        sql("INSERT INTO \"sample_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (3, '3', 'from a newer version', 'SQL', 'V3__x.sql', 1, 'sa', 1, true)");
        FlywayException e = assertThrows(FlywayException.class, this::migrate);
        assertTrue(e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void aFailingMigrationFailsAndIsNotRecordedAsDone() throws Exception {
        // V1 cannot create its index on a table whose NAME column is missing
        sql("CREATE TABLE SAMPLE_ITEM (ID VARCHAR(64) NOT NULL PRIMARY KEY)");
        assertThrows(FlywayException.class, this::migrate);
        assertEquals(List.of("0 BASELINE"), history(), "only what succeeded");
        assertThrows(FlywayException.class, this::migrate, "and the next start does not pass over it");
    }
}
