package io.bacalao.compute.store;

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
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The compute node's migrations on the H2 that Payara ships, against the tables the code before versioned
 * migrations created ({@code src/test/resources/schema/before-versioning-h2.sql}, dumped from such a store).
 */
class ComputeSchemaTest {
    private final StoreSchema schema = new StoreSchema("compute");

    private static JdbcDataSource newDatabase() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return db;
    }

    private static void sql(JdbcDataSource db, String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        }
    }

    private static String one(JdbcDataSource db, String query) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            assertTrue(rs.next(), query);
            return rs.getString(1);
        }
    }

    private static SchemaShape shape(JdbcDataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            return SchemaShape.of(c, table -> table.startsWith("COMPUTE_") && !table.equals("COMPUTE_SCHEMA_HISTORY"));
        }
    }

    /** A store as the code before versioned migrations left it: an execution, and IDs handed out up to 100. */
    private static JdbcDataSource storeBeforeVersioning() throws SQLException, IOException {
        JdbcDataSource db = newDatabase();
        try (InputStream in = ComputeSchemaTest.class.getResourceAsStream("/schema/before-versioning-h2.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String statement : script.split(";")) if (!statement.isBlank()) sql(db, statement);
        }
        sql(db, "INSERT INTO COMPUTE_EXECUTION (ID, JSON, MODIFY_TIME, STATE) VALUES ('e-1', '{}', 1, 'Running')",
                "INSERT INTO COMPUTE_ID_BLOCKS (NAME, NEXT_ID) VALUES ('COMPUTE_OUTBOX', 100)");
        return db;
    }

    @Test
    void v1IsTheSchemaTheCodeBeforeVersioningCreatedWithTheOutboxIdRow() throws Exception {
        JdbcDataSource fresh = newDatabase();
        schema.migrateTo(fresh, getClass().getClassLoader(), "1");
        assertEquals(shape(storeBeforeVersioning()), shape(fresh));
        assertEquals("0", one(fresh, "SELECT NEXT_ID FROM COMPUTE_ID_BLOCKS WHERE NAME = 'COMPUTE_OUTBOX'"),
                "EclipseLink's table generator finds its row (it wrote it itself while it made the tables)");
    }

    @Test
    void aStoreWrittenBeforeVersioningKeepsItsExecutionsAndItsNextId() throws Exception {
        JdbcDataSource old = storeBeforeVersioning();
        assertEquals("2", schema.migrate(old, getClass().getClassLoader()).targetSchemaVersion);
        assertEquals("Running", one(old, "SELECT STATE FROM COMPUTE_EXECUTION WHERE ID = 'e-1'"));
        assertEquals("100", one(old, "SELECT NEXT_ID FROM COMPUTE_ID_BLOCKS WHERE NAME = 'COMPUTE_OUTBOX'"),
                "no ID handed out before is handed out again");
    }

    @Test
    void v2AddsTheOutboxParkedTimeAndKeepsPendingReports() throws Exception {
        JdbcDataSource db = newDatabase();
        schema.migrateTo(db, getClass().getClassLoader(), "1");
        sql(db, "INSERT INTO COMPUTE_OUTBOX (ID, BODY, CREATE_TIME, TYPE) VALUES (7, '{}', 1, 'ExecutionCompleted')");
        assertEquals("2", schema.migrate(db, getClass().getClassLoader()).targetSchemaVersion);
        assertEquals("ExecutionCompleted", one(db, "SELECT TYPE FROM COMPUTE_OUTBOX WHERE ID = 7 AND PARKED_TIME IS NULL"),
                "a report pending before the upgrade is still to send");
    }

    @Test
    void anAdoptedStoreThatAlreadyHasTheParkedTimeColumnMigratesToo() throws Exception {
        JdbcDataSource old = storeBeforeVersioning();
        sql(old, "ALTER TABLE COMPUTE_OUTBOX ADD COLUMN PARKED_TIME BIGINT");

        assertEquals("2", schema.migrate(old, getClass().getClassLoader()).targetSchemaVersion);
        assertEquals("Running", one(old, "SELECT STATE FROM COMPUTE_EXECUTION WHERE ID = 'e-1'"));
    }
}
