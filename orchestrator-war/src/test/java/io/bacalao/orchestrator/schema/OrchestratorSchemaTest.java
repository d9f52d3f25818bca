package io.bacalao.orchestrator.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.store.schema.SchemaShape;
import io.bacalao.store.schema.StoreSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator's migrations on the H2 that Payara ships, against the tables the code before versioned
 * migrations created ({@code src/test/resources/schema/before-versioning-h2.sql}, dumped from such a store).
 */
class OrchestratorSchemaTest {
    private static final String JOB_JSON = "{\"ID\":\"j-1\",\"Name\":\"old\",\"Type\":\"batch\"}";
    private final StoreSchema schema = new StoreSchema("orchestrator");

    private static JdbcDataSource newDatabase() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return db;
    }

    private MigrateResult migrate(JdbcDataSource db) {
        return schema.migrate(db, getClass().getClassLoader());
    }

    private static SchemaShape shape(JdbcDataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            return SchemaShape.of(c, table -> table.startsWith("ORCH_"));
        }
    }

    private static void sql(JdbcDataSource db, String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        }
    }

    /** A store as the code before versioned migrations left it, with one job in it. */
    private static JdbcDataSource storeBeforeVersioning() throws SQLException, IOException {
        JdbcDataSource db = newDatabase();
        try (InputStream in = OrchestratorSchemaTest.class.getResourceAsStream("/schema/before-versioning-h2.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String statement : script.split(";")) if (!statement.isBlank()) sql(db, statement);
        }
        sql(db, "INSERT INTO ORCH_JOB (ID, CREATE_TIME, HISTORY_SEQ, JSON, MODIFY_TIME, NAME, NAMESPACE, REVISION, STATE,"
                + " VERSION_NO) VALUES ('j-1', 1, 1, '" + JOB_JSON + "', 1, 'old', 'default', 1, 'Running', 1)");
        return db;
    }

    private static void assertTheJobIsKept(JdbcDataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT JSON, STATE FROM ORCH_JOB WHERE ID = 'j-1'")) {
            assertTrue(rs.next(), "the job of the earlier store is still there");
            assertEquals(JOB_JSON, rs.getString(1));
            assertEquals("Running", rs.getString(2));
        }
    }

    @Test
    void v1IsTheSchemaTheCodeBeforeVersioningCreated() throws Exception {
        JdbcDataSource fresh = newDatabase();
        MigrateResult r = schema.migrateTo(fresh, getClass().getClassLoader(), "1");
        assertEquals("1", r.targetSchemaVersion);
        assertEquals(shape(storeBeforeVersioning()), shape(fresh));
    }

    @Test
    void aStoreWrittenBeforeVersioningIsAdoptedWithItsJobs() throws Exception {
        JdbcDataSource old = storeBeforeVersioning();
        SchemaShape before = shape(old);
        MigrateResult r = schema.migrateTo(old, getClass().getClassLoader(), "1");
        assertEquals("1", r.targetSchemaVersion);
        assertTheJobIsKept(old);
        assertEquals(before, shape(old), "V1 changes nothing in a store that already has all of it");
        assertEquals("2", migrate(old).targetSchemaVersion);
        assertTheJobIsKept(old);
        try (Connection c = old.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT \"version\" FROM \"orchestrator_schema_history\" WHERE \"type\" = 'BASELINE'")) {
            assertTrue(rs.next());
            assertEquals("0", rs.getString(1), "baselined below V1, so that V1 completes it");
        }
    }

    @Test
    void anOlderStoreGetsTheTablesColumnsAndIndexesItLacked() throws Exception {
        JdbcDataSource old = storeBeforeVersioning();
        // what stores of earlier versions lacked: later columns, later indexes, the purged-jobs table
        sql(old, "DROP INDEX ORCH_EVALUATION_WAITING", "ALTER TABLE ORCH_EVALUATION DROP COLUMN TRIGGERED_BY",
                "ALTER TABLE ORCH_EVALUATION DROP COLUMN ATTEMPTS", "ALTER TABLE ORCH_EVALUATION DROP COLUMN LAST_ERROR",
                "ALTER TABLE ORCH_JOB DROP COLUMN DAMAGED_JSON", "DROP INDEX ORCH_JOB_NS_CREATED",
                "DROP INDEX ORCH_JOB_NS_MODIFIED", "DROP INDEX ORCH_EXECUTION_STATE", "DROP INDEX ORCH_NODE_LIVENESS",
                "DROP TABLE ORCH_PURGED_JOB");
        migrate(old);
        assertTheJobIsKept(old);
        JdbcDataSource fresh = newDatabase();
        migrate(fresh);
        assertEquals(shape(fresh), shape(old));
    }

    @Test
    void aSecondStartRunsNoMigration() throws Exception {
        JdbcDataSource db = storeBeforeVersioning();
        migrate(db);
        MigrateResult again = migrate(db);
        assertEquals(0, again.migrationsExecuted);
        assertEquals("2", again.initialSchemaVersion);
        assertTheJobIsKept(db);
    }

    @Test
    void v2GivesEveryListingOrderItsIndexAndKeepsTheJobs() throws Exception {
        JdbcDataSource db = storeBeforeVersioning();
        schema.migrateTo(db, getClass().getClassLoader(), "1");
        assertEquals("2", migrate(db).targetSchemaVersion);
        assertTheJobIsKept(db);
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT INDEX_NAME, LISTAGG(COLUMN_NAME || ' ' || ORDERING_SPECIFICATION, ', ')"
                        + " WITHIN GROUP (ORDER BY ORDINAL_POSITION) FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                        + " WHERE TABLE_NAME = 'ORCH_JOB' AND INDEX_NAME IN ('ORCH_JOB_CREATED', 'ORCH_JOB_MODIFIED_DESC')"
                        + " GROUP BY INDEX_NAME ORDER BY INDEX_NAME")) {
            assertTrue(rs.next());
            assertEquals("CREATE_TIME ASC, ID ASC", rs.getString(2), "V1's one-column index now ends with the ID");
            assertTrue(rs.next());
            assertEquals("MODIFY_TIME DESC, ID DESC", rs.getString(2));
        }
    }
}
