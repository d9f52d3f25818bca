package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.PostgresServer;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import io.bacalao.payara.NodeProcess;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The same orchestrator WAR on PostgreSQL instead of H2: jobs run, and they are in PostgreSQL after a restart; the
 * results that arrive while PostgreSQL is down wait for it, none is dead-lettered, and every job completes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresStoreIT {
    static final String BUSYBOX = "local/busybox:latest";

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
    @Order(1)
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

    /**
     * Issue 16 item 2: PostgreSQL, the orchestrator's job store, crashes while four jobs run, and stays down for 20 s, four times what ten failed
     * deliveries of a report (500 ms apart) used to last before it was dead-lettered. Their results arrive
     * meanwhile and fail for want of the job store; they wait for it and are applied once it is back.
     */
    @Test
    @Order(2)
    void resultsThatArriveWhilePostgresIsDownWaitForItAndEveryJobCompletes() throws Exception {
        Api api = cluster.api();
        // the compute node keeps an H2 file of its own: this takes the orchestrator's job store away, not the node's
        for (NodeProcess p : cluster.nodes().nodes()) {
            if (!p.spec().orchestrator()) p.stop(Duration.ofSeconds(30));
        }
        cluster.startCompute(2, Map.of(ConfigKeys.DATABASE_URL, "", ConfigKeys.DATABASE_USER, ""))
                .awaitReady(TestCluster.READY);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(api.submit("{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\","
                    + "\"Params\":{\"Image\":\"" + BUSYBOX + "\",\"Parameters\":[\"sleep\",\"8\"]}},"
                    + "\"Resources\":{\"CPU\":\"100m\",\"Memory\":\"32Mb\"}}]}"));
        }
        for (String id : ids) api.awaitState(id, "Running"::equals, Duration.ofSeconds(90));
        long retriesBefore = deadLetters(api).get("DependencyRetries").asLong();

        postgres.crash();
        Instant down = Instant.now();
        Waits.until("the orchestrator not ready without its job store", Duration.ofSeconds(30),
                () -> api.get("/health/ready").status() == 503);
        Waits.until("messages failing for want of the job store", Duration.ofSeconds(60),
                () -> deadLetters(api).get("DependencyRetries").asLong() > retriesBefore);
        // the fault's length, not a wait for an effect: the jobs end within it (they sleep 8 s), and it is longer
        // than ten deliveries of their results used to last before those were dead-lettered
        Duration rest = Duration.ofSeconds(20).minus(Duration.between(down, Instant.now()));
        if (!rest.isNegative()) Waits.pause(rest);
        postgres.resume();

        for (String id : ids) assertEquals("Completed", api.awaitTerminal(id, Duration.ofSeconds(120)), id);
        JsonNode counts = deadLetters(api);
        assertEquals(0, counts.get("Poisoned").asLong(), counts.toString());
        assertEquals(0, counts.get("JobsFailed").asLong(), counts.toString());
        assertEquals(0, counts.get("FromBroker").asLong(), "nothing reached the dead-letter queue: " + counts);
        Api.Response metrics = api.get("/metrics?scope=application");
        assertEquals(200, metrics.status(), metrics.body());
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("bacalao_inbox_dependency_retries")
                && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) > retriesBefore), metrics.body());
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("bacalao_inbox_poisoned")
                && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) == 0), metrics.body());
        Waits.until("ready again", Duration.ofSeconds(30), () -> api.get("/health/ready").status() == 200);
        assertEquals("Completed", api.awaitTerminal(api.submit(Api.noopJob()), Duration.ofSeconds(90)));
    }

    /** The orchestrator's {@code DeadLetters} component of {@code agent debug}. */
    private static JsonNode deadLetters(Api api) {
        Api.Response r = api.get("/api/v1/agent/debug");
        assertEquals(200, r.status(), r.body());
        return r.json().get("DeadLetters");
    }
}
