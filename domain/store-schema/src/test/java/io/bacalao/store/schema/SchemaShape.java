package io.bacalao.store.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a schema looks like to the code that uses it, read from JDBC metadata: per table its columns (type, size,
 * nullability), primary key and indexes (name, uniqueness, columns in order). Two stores with equal shapes are
 * interchangeable for the mappings; constraint names and storage details are left out.
 */
public record SchemaShape(Map<String, String> tables) {

    /** The shape of the tables whose names {@code include} accepts (names in upper case). */
    public static SchemaShape of(Connection c, Predicate<String> include) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        Map<String, String> tables = new TreeMap<>();
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema != null && schema.toLowerCase(Locale.ROOT).equals("information_schema")) continue;
                names.add(rs.getString("TABLE_NAME"));
            }
            for (String name : names) {
                if (include.test(name.toUpperCase(Locale.ROOT))) tables.put(name.toUpperCase(Locale.ROOT), table(md, name));
            }
        }
        return new SchemaShape(tables);
    }

    private static String table(DatabaseMetaData md, String table) throws SQLException {
        StringBuilder out = new StringBuilder();
        Map<String, String> columns = new TreeMap<>(); // by name: a column added later comes last in its table
        String escape = md.getSearchStringEscape();
        String pattern = table.replace("_", escape + "_");
        try (ResultSet rs = md.getColumns(null, null, pattern, "%")) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), rs.getString("TYPE_NAME") + "("
                        + rs.getInt("COLUMN_SIZE") + ")"
                        + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : ""));
            }
        }
        columns.forEach((name, type) -> out.append("column ").append(name).append(' ').append(type).append('\n'));
        Map<Short, String> key = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(null, null, table)) {
            while (rs.next()) key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
        }
        out.append("primary key ").append(key.values()).append('\n');
        Map<String, Map<Short, String>> indexes = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = md.getIndexInfo(null, null, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null || rs.getString("COLUMN_NAME") == null) continue;
                name = name.toUpperCase(Locale.ROOT);
                indexes.computeIfAbsent(name, n -> new TreeMap<>())
                        .put(rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        for (var i : indexes.entrySet()) {
            // the primary key's own index is named by the database (PRIMARY_KEY_x on H2, <table>_pkey on PostgreSQL)
            if (unique.get(i.getKey()) && List.copyOf(i.getValue().values()).equals(List.copyOf(key.values()))) continue;
            out.append(unique.get(i.getKey()) ? "unique index " : "index ").append(i.getKey()).append(' ')
                    .append(i.getValue().values()).append('\n');
        }
        return out.toString();
    }
}
