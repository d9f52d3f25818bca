package io.bacalao.store.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The versioned schema of one store (a persistence unit's tables), kept by Flyway: the migrations are the SQL
 * files {@code db/<unit>/<vendor>/V<n>__<what>.sql} on the unit's class path ({@code h2}, {@code postgresql}),
 * and what has run is recorded in the table {@code <unit>_schema_history}, so that the orchestrator and the compute
 * node of a hybrid node can share one database.
 *
 * <p>A database written before the schema was versioned (tables, no history table) is adopted: Flyway records a
 * baseline at version 0 and runs every migration from V1, which is why V1 only creates what is missing
 * ({@code if not exists}) and adds the columns and indexes that earlier versions lacked; a fresh database runs the
 * same V1. A store that a newer version has migrated further than this code knows is refused (Flyway's
 * validation), not used. See docs/store-schema.md.
 */
public final class StoreSchema {
    private static final Logger LOG = Logger.getLogger(StoreSchema.class.getName());
    private final String unit;

    /** @param unit the store's name: the folder of its migrations and the prefix of its history table */
    public StoreSchema(String unit) {
        this.unit = unit;
    }

    /** The history table of this store. */
    public String historyTable() {
        return unit + "_schema_history";
    }

    /** Brings the database behind {@code store} to the newest version; migrations are looked up with {@code loader}. */
    public MigrateResult migrate(DataSource store, ClassLoader loader) {
        long start = System.nanoTime();
        MigrateResult result = flyway(store, loader).migrate();
        long ms = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> result.migrationsExecuted == 0
                ? "store schema '" + unit + "' at version " + result.initialSchemaVersion + ", up to date (" + ms + " ms)"
                : "store schema '" + unit + "' migrated from " + (result.initialSchemaVersion == null ? "nothing"
                        : "version " + result.initialSchemaVersion) + " to version " + result.targetSchemaVersion
                        + " (" + result.migrationsExecuted + " migration(s), " + ms + " ms)");
        return result;
    }

    /** Brings the database behind {@code store} to {@code version} and no further (schema tests of one migration). */
    public MigrateResult migrateTo(DataSource store, ClassLoader loader, String version) {
        return configure(store, loader).target(version).load().migrate();
    }

    Flyway flyway(DataSource store, ClassLoader loader) {
        return configure(store, loader).load();
    }

    private FluentConfiguration configure(DataSource store, ClassLoader loader) {
        return Flyway.configure(loader)
                .dataSource(store)
                .locations("classpath:db/" + unit + "/" + vendor(store))
                .table(historyTable())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("tables written before versioned migrations; V1 completes them")
                .failOnMissingLocations(true)
                // no pattern ignored: a store migrated by a newer version (a future migration) fails validation
                .ignoreMigrationPatterns(new String[0]);
    }

    /** The folder of the database's migrations: {@code h2} or {@code postgresql}; any other database is refused. */
    static String vendor(DataSource store) {
        String product;
        try (Connection c = store.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new FlywayException("cannot reach the store to check its schema: " + e.getMessage(), e);
        }
        return switch (product) {
            case "H2" -> "h2";
            case "PostgreSQL" -> "postgresql";
            default -> throw new FlywayException("the store is on " + product
                    + ", which Bacalao has no schema for: use H2 (the default) or PostgreSQL");
        };
    }
}
