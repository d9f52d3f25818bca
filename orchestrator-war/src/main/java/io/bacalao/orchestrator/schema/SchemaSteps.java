package io.bacalao.orchestrator.schema;

import io.bacalao.orchestrator.store.EvaluationEntity;
import io.bacalao.orchestrator.store.ExecutionEntity;
import io.bacalao.orchestrator.store.HistoryEntity;
import io.bacalao.orchestrator.store.JobEntity;
import io.bacalao.orchestrator.store.JobVersionEntity;
import io.bacalao.orchestrator.store.NodeEntity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * What EclipseLink's {@code create-or-extend-tables} leaves undone on a store written by an earlier version: it
 * adds missing columns (that is how {@code ATTEMPTS} and {@code LAST_ERROR} arrived) but adds no index to a table
 * that exists. This creates every index declared in an entity's {@code @Table} that the store lacks, read from the
 * mappings so that they stay the one place that declares the schema. Idempotent; a statement that fails (a lock
 * held too long) is logged and skipped, the store works without the index, and the next start tries again. SQL
 * understood by both H2 and PostgreSQL.
 */
public final class SchemaSteps {
    private static final Logger LOG = Logger.getLogger(SchemaSteps.class.getName());
    static final List<Class<?>> ENTITIES = List.of(JobEntity.class, JobVersionEntity.class, ExecutionEntity.class,
            EvaluationEntity.class, HistoryEntity.class, NodeEntity.class);

    record IndexDef(String table, String name, String columns) {
    }

    private SchemaSteps() {
    }

    /** Every index the entities declare. */
    static List<IndexDef> indexes() {
        List<IndexDef> out = new ArrayList<>();
        for (Class<?> entity : ENTITIES) {
            Table t = entity.getAnnotation(Table.class);
            for (Index i : t.indexes()) out.add(new IndexDef(t.name(), i.name(), i.columnList()));
        }
        return out;
    }

    /** Creates the missing indexes over a connection in auto-commit mode; returns the statements that ran. */
    public static List<String> apply(Connection c) throws SQLException {
        List<String> done = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        for (IndexDef i : indexes()) {
            if (!hasIndex(md, i.table(), i.name())) {
                run(c, "create index if not exists " + i.name() + " on " + i.table() + " (" + i.columns() + ")", done);
            }
        }
        return done;
    }

    private static boolean hasIndex(DatabaseMetaData md, String table, String index) throws SQLException {
        try (ResultSet rs = md.getIndexInfo(null, null, name(md, table), false, true)) {
            while (rs.next()) {
                if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) return true;
            }
        }
        return false;
    }

    /** An unquoted identifier as the database stores it (PostgreSQL folds to lower case, H2 to upper). */
    private static String name(DatabaseMetaData md, String identifier) throws SQLException {
        return md.storesLowerCaseIdentifiers() ? identifier.toLowerCase(Locale.ROOT)
                : identifier.toUpperCase(Locale.ROOT);
    }

    private static void run(Connection c, String sql, List<String> done) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            done.add(sql);
        } catch (SQLException e) {
            LOG.warning(() -> "schema step skipped, the store works without it and the next start tries again: "
                    + sql + ": " + e.getMessage());
        }
    }
}
