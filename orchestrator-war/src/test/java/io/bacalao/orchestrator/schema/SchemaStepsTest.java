package io.bacalao.orchestrator.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store file written by the version before this change (the tables and indexes EclipseLink created then: JSON
 * mapped {@code @Lob} became H2's {@code LONGVARCHAR}), brought up to the mappings in the H2 that Payara ships.
 */
class SchemaStepsTest {
    /** The tables as EclipseLink created them for H2 in the previous version. */
    private static final List<String> PREVIOUS_VERSION = List.of(
            "CREATE TABLE ORCH_JOB (ID VARCHAR(64) NOT NULL, CREATE_TIME BIGINT NOT NULL, DAMAGED_JSON LONGVARCHAR,"
                    + " HISTORY_SEQ BIGINT NOT NULL, JSON LONGVARCHAR NOT NULL, MODIFY_TIME BIGINT NOT NULL,"
                    + " NAME VARCHAR(512) NOT NULL, NAMESPACE VARCHAR(256) NOT NULL, REVISION BIGINT NOT NULL,"
                    + " STATE VARCHAR(16) NOT NULL, VERSION_NO BIGINT NOT NULL, PRIMARY KEY (ID))",
            "CREATE INDEX ORCH_JOB_NAME ON ORCH_JOB (NAMESPACE, NAME)",
            "CREATE INDEX ORCH_JOB_CREATED ON ORCH_JOB (CREATE_TIME)",
            "CREATE INDEX ORCH_JOB_MODIFIED ON ORCH_JOB (MODIFY_TIME)",
            "CREATE INDEX ORCH_JOB_STATE ON ORCH_JOB (STATE)",
            "CREATE TABLE ORCH_JOB_VERSION (ID VARCHAR(96) NOT NULL, JOB_ID VARCHAR(64) NOT NULL, JSON LONGVARCHAR NOT NULL,"
                    + " VERSION_NO BIGINT NOT NULL, PRIMARY KEY (ID))",
            "CREATE INDEX ORCH_JOB_VERSION_JOB ON ORCH_JOB_VERSION (JOB_ID, VERSION_NO)",
            "CREATE TABLE ORCH_EXECUTION (ID VARCHAR(64) NOT NULL, COMPUTE_STATE INTEGER NOT NULL,"
                    + " CREATE_TIME BIGINT NOT NULL, DESIRED_STATE INTEGER NOT NULL, JOB_ID VARCHAR(64) NOT NULL,"
                    + " JOB_VERSION BIGINT NOT NULL, JSON LONGVARCHAR NOT NULL, MODIFY_TIME BIGINT NOT NULL,"
                    + " NODE_ID VARCHAR(128) NOT NULL, REVISION BIGINT NOT NULL, PRIMARY KEY (ID))",
            "CREATE INDEX ORCH_EXECUTION_JOB ON ORCH_EXECUTION (JOB_ID)",
            "CREATE INDEX ORCH_EXECUTION_NODE ON ORCH_EXECUTION (NODE_ID, COMPUTE_STATE)",
            "CREATE TABLE ORCH_EVALUATION (ID VARCHAR(64) NOT NULL, ATTEMPTS INTEGER, JOB_ID VARCHAR(64) NOT NULL,"
                    + " JSON LONGVARCHAR NOT NULL, LAST_ERROR VARCHAR(1000), SENT_AT BIGINT NOT NULL,"
                    + " STATUS VARCHAR(16) NOT NULL, TRIGGERED_BY VARCHAR(32), WAIT_UNTIL BIGINT NOT NULL,"
                    + " PRIMARY KEY (ID))",
            "CREATE INDEX ORCH_EVALUATION_STATUS ON ORCH_EVALUATION (STATUS, WAIT_UNTIL)",
            "CREATE INDEX ORCH_EVALUATION_JOB ON ORCH_EVALUATION (JOB_ID)",
            "CREATE TABLE ORCH_HISTORY (ID VARCHAR(96) NOT NULL, EVENT LONGVARCHAR NOT NULL, EXECUTION_ID VARCHAR(64) NOT NULL,"
                    + " JOB_ID VARCHAR(64) NOT NULL, JOB_VERSION BIGINT NOT NULL, SEQ_NUM BIGINT NOT NULL,"
                    + " TIME_NANOS BIGINT NOT NULL, PRIMARY KEY (ID))",
            "CREATE INDEX ORCH_HISTORY_JOB ON ORCH_HISTORY (JOB_ID, SEQ_NUM)",
            "CREATE TABLE ORCH_NODE (ID VARCHAR(128) NOT NULL, CONNECTED_SINCE BIGINT NOT NULL,"
                    + " CONNECTION_STATE VARCHAR(16) NOT NULL, DISCONNECTED_SINCE BIGINT NOT NULL, INFO LONGVARCHAR NOT NULL,"
                    + " LAST_ERROR VARCHAR(1024), LAST_HEARTBEAT BIGINT NOT NULL, LAST_SEQ BIGINT NOT NULL,"
                    + " MEMBERSHIP VARCHAR(16) NOT NULL, PRIMARY KEY (ID))");

    private static final String JOB_JSON = "{\"ID\":\"j-1\",\"Name\":\"old\",\"Type\":\"batch\"}";

    @TempDir
    Path dir;

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("store") + ";DB_CLOSE_DELAY=0", "sa", "");
    }

    private Connection previousVersionStore() throws SQLException {
        Connection c = open();
        try (Statement s = c.createStatement()) {
            for (String sql : PREVIOUS_VERSION) s.execute(sql);
            s.execute("INSERT INTO ORCH_JOB (ID, CREATE_TIME, HISTORY_SEQ, JSON, MODIFY_TIME, NAME, NAMESPACE,"
                    + " REVISION, STATE, VERSION_NO) VALUES ('j-1', 1, 1, '" + JOB_JSON + "', 1, 'old', 'default', 1,"
                    + " 'Running', 1)");
        }
        return c;
    }

    @Test
    void theRowsOfThePreviousVersionReadAsBeforeAfterTheUpgrade() throws Exception {
        try (Connection c = previousVersionStore()) {
            SchemaSteps.apply(c);
        }
        try (Connection c = open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT JSON FROM ORCH_JOB WHERE NAMESPACE = 'default' ORDER BY CREATE_TIME")) {
            assertTrue(rs.next());
            assertEquals(JOB_JSON, rs.getString(1));
        }
    }

    @Test
    void everyDeclaredIndexExistsAfterTheUpgrade() throws Exception {
        try (Connection c = previousVersionStore()) {
            SchemaSteps.apply(c);
            Set<String> present = new HashSet<>();
            for (String table : List.of("ORCH_JOB", "ORCH_JOB_VERSION", "ORCH_EXECUTION", "ORCH_EVALUATION",
                    "ORCH_HISTORY", "ORCH_NODE")) {
                try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, true)) {
                    while (rs.next()) present.add(rs.getString("INDEX_NAME"));
                }
            }
            List<String> missing = new ArrayList<>();
            for (SchemaSteps.IndexDef i : SchemaSteps.indexes()) if (!present.contains(i.name())) missing.add(i.name());
            assertEquals(List.of(), missing);
            assertTrue(present.containsAll(List.of("ORCH_JOB_NS_CREATED", "ORCH_JOB_NS_MODIFIED", "ORCH_EXECUTION_STATE",
                    "ORCH_EVALUATION_WAITING", "ORCH_NODE_LIVENESS")), "the indexes new in this version: " + present);
        }
    }

    @Test
    void aSecondRunChangesNothing() throws Exception {
        try (Connection c = previousVersionStore()) {
            assertTrue(!SchemaSteps.apply(c).isEmpty());
            assertEquals(List.of(), SchemaSteps.apply(c));
        }
    }
}
