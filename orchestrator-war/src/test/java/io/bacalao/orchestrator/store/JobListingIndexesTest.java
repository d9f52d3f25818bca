package io.bacalao.orchestrator.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.selector.Selector;
import io.bacalao.store.schema.StoreSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every order a job listing can ask for is read from an index in that order (H2's plan says "index sorted"), on
 * the orchestrator's migrated schema: a page costs the rows it reads, not a read and sort of the whole table.
 */
class JobListingIndexesTest {
    private static final JdbcDataSource DB = new JdbcDataSource();

    @BeforeAll
    static void migratedStoreWithJobs() throws SQLException {
        DB.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new StoreSchema("orchestrator").migrate(DB, JobListingIndexesTest.class.getClassLoader());
        try (Connection c = DB.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO ORCH_JOB (ID, CREATE_TIME, HISTORY_SEQ, JSON, MODIFY_TIME, NAME, NAMESPACE, REVISION,"
                    + " STATE, VERSION_NO) SELECT 'j-' || X, X, 1, '{}', 5000 - X, 'j-' || X,"
                    + " CASEWHEN(MOD(X, 3) = 0, 'default', 'other'), 1, 'Completed', 1 FROM SYSTEM_RANGE(1, 2000)");
            s.execute("ANALYZE");
        }
    }

    static List<JobQuery> everyListingOrder() {
        List<JobQuery> orders = new ArrayList<>();
        for (String namespace : List.of("", "*", "default")) {
            for (String column : List.of("created_at", "modified_at")) {
                for (boolean reverse : List.of(false, true)) {
                    orders.add(new JobQuery(namespace, column, reverse, 10, 0, Selector.parseAll(List.of()), Set.of()));
                }
            }
        }
        return orders;
    }

    /** The SQL that EclipseLink issues for the listing: its ORDER BY with the entity's fields as their columns. */
    private static String sql(JobQuery q) {
        String order = JobListing.orderBy(q).replace("j.namespace", "NAMESPACE").replace("j.createTime", "CREATE_TIME")
                .replace("j.modifyTime", "MODIFY_TIME").replace("j.id", "ID");
        return "SELECT ID, JSON, STATE FROM ORCH_JOB" + (q.allNamespaces() ? "" : " WHERE NAMESPACE = 'default'")
                + order + " OFFSET 0 ROWS FETCH NEXT 11 ROWS ONLY";
    }

    @ParameterizedTest
    @MethodSource("everyListingOrder")
    void isReadFromAnIndexInItsOrder(JobQuery q) throws SQLException {
        try (Connection c = DB.getConnection(); Statement s = c.createStatement();
             ResultSet plan = s.executeQuery("EXPLAIN " + sql(q))) {
            plan.next();
            assertTrue(plan.getString(1).contains("/* index sorted */"), sql(q) + " is planned as\n" + plan.getString(1));
        }
    }
}
