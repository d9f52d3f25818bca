package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.PostgresServer;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same orchestrator WAR on PostgreSQL instead of H2: jobs run, and they are in PostgreSQL after a restart. */
class PostgresStoreIT {
    static PostgresServer postgres;
    static TestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start(Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath()
                .resolve("postgres-db"));
        cluster = TestCluster.create("postgres", Map.of(ConfigKeys.DATABASE_URL, postgres.jdbcUrl(),
                ConfigKeys.DATABASE_USER, "postgres")).start(1);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
        if (postgres != null) postgres.close();
    }

    @Test
    void jobsRunAndStayInPostgresAcrossARestart() throws Exception {
        Api api = cluster.api();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(api.submit(Api.noopJob()));
        for (String id : ids) assertEquals("Completed", api.awaitTerminal(id, Duration.ofSeconds(60)));

        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from orch_job where state = 'Completed'")) {
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1), "the jobs are rows in PostgreSQL");
        }
        cluster.orchestrator().stop(Duration.ofSeconds(20));
        Instant restarted = Instant.now();
        cluster.restartOrchestrator();
        for (String id : ids) assertEquals("Completed", api.state(id));
        Waits.until("a heartbeat of the compute node after the restart", Duration.ofSeconds(90), () -> {
            Api.Response r = api.get("/api/v1/orchestrator/nodes?filter-status=connected");
            if (r.status() != 200) return false;
            for (var n : r.json().get("Nodes")) {
                if (n.get("Info").get("NodeType").asText().equals("Compute") && Instant.parse(
                        n.get("ConnectionState").get("LastHeartbeat").asText()).isAfter(restarted)) return true;
            }
            return false;
        });
        String after = api.submit(Api.noopJob());
        assertEquals("Completed", api.awaitTerminal(after, Duration.ofSeconds(90)));
    }
}
