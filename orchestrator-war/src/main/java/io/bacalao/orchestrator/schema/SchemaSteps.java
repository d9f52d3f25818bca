package io.bacalao.orchestrator.schema;

import io.bacalao.orchestrator.store.EvaluationEntity;
import io.bacalao.orchestrator.store.ExecutionEntity;
import io.bacalao.orchestrator.store.HistoryEntity;
import io.bacalao.orchestrator.store.JobEntity;
import io.bacalao.orchestrator.store.JobVersionEntity;
import io.bacalao.orchestrator.store.NodeEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * What EclipseLink's {@code create-or-extend-tables} leaves undone on a store written by an earlier version: it
 * adds missing columns but neither changes a column's type or nullability nor adds an index to a table that
 * exists. Read from the entity mappings, so the mappings stay the one place that declares the schema:
 * <ul>
 * <li>each JSON column that now has a LOB overflow column beside it ({@code X} with {@code X_LARGE}) becomes
 * {@code VARCHAR} when it still is a LOB (H2's {@code CLOB} from before; PostgreSQL's {@code TEXT} is read with
 * the row already and stays) and loses its {@code NOT NULL} (it is null when the text went to the LOB);</li>
 * <li>every index declared in an entity's {@code @Table} is created when missing.</li>
 * </ul>
 * Each step is idempotent and stands alone: one that fails (a row too long for the new type, a lock held for too
 * long) is logged and skipped, and the store works as before (a LOB column still reads and writes); the next
 * start tries again. SQL understood by both H2 and PostgreSQL.
 */
public final class SchemaSteps {
    private static final Logger LOG = Logger.getLogger(SchemaSteps.class.getName());
    static final List<Class<?>> ENTITIES = List.of(JobEntity.class, JobVersionEntity.class, ExecutionEntity.class,
            EvaluationEntity.class, HistoryEntity.class, NodeEntity.class);
    private static final String LARGE = "_LARGE";

    /** A column kept inline with its declared length. */
    record InlineColumn(String table, String column, int length) {
    }

    record IndexDef(String table, String name, String columns) {
    }

    private SchemaSteps() {
    }

    /** The inline JSON columns (those with a {@code _LARGE} LOB column beside them) of every entity. */
    static List<InlineColumn> inlineColumns() {
        List<InlineColumn> out = new ArrayList<>();
        for (Class<?> entity : ENTITIES) {
            String table = entity.getAnnotation(Table.class).name();
            for (Field f : entity.getDeclaredFields()) {
                Column large = f.getAnnotation(Column.class);
                if (large == null || !f.isAnnotationPresent(Lob.class) || !large.name().endsWith(LARGE)) continue;
                String inline = large.name().substring(0, large.name().length() - LARGE.length());
                out.add(new InlineColumn(table, inline, declaredLength(entity, inline)));
            }
        }
        return out;
    }

    private static int declaredLength(Class<?> entity, String column) {
        for (Field f : entity.getDeclaredFields()) {
            Column c = f.getAnnotation(Column.class);
            if (c != null && c.name().equals(column) && !f.isAnnotationPresent(Lob.class)) return c.length();
        }
        throw new IllegalStateException(entity.getSimpleName() + " has " + column + LARGE + " but no inline " + column);
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

    /** Runs every step on a connection in auto-commit mode; returns the statements that changed something. */
    public static List<String> apply(Connection c) throws SQLException {
        List<String> done = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        for (InlineColumn col : inlineColumns()) {
            ColumnFacts facts = facts(md, col.table(), col.column());
            if (facts == null) continue;
            if (facts.lob()) {
                run(c, "alter table " + col.table() + " alter column " + col.column() + " set data type varchar("
                        + col.length() + ")", done);
            }
            if (facts.notNull()) {
                run(c, "alter table " + col.table() + " alter column " + col.column() + " drop not null", done);
            }
        }
        for (IndexDef i : indexes()) {
            if (!hasIndex(md, i.table(), i.name())) {
                run(c, "create index if not exists " + i.name() + " on " + i.table() + " (" + i.columns() + ")", done);
            }
        }
        return done;
    }

    private record ColumnFacts(boolean lob, boolean notNull) {
    }

    private static ColumnFacts facts(DatabaseMetaData md, String table, String column) throws SQLException {
        try (ResultSet rs = md.getColumns(null, null, name(md, table), name(md, column))) {
            if (!rs.next()) return null;
            int type = rs.getInt("DATA_TYPE");
            return new ColumnFacts(type == Types.CLOB || type == Types.NCLOB,
                    rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls);
        }
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
        return md.storesLowerCaseIdentifiers() ? identifier.toLowerCase(Locale.ROOT) : identifier.toUpperCase(Locale.ROOT);
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
