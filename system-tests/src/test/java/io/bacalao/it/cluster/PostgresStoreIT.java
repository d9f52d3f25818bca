package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.spec.Json;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.Cli;
import io.bacalao.it.support.Gate;
import io.bacalao.it.support.PostgresServer;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import io.bacalao.payara.NodeProcess;
import io.bacalao.store.schema.SchemaShape;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The core scenarios with PostgreSQL as the store of both the orchestrator and the compute node (one database,
 * each with its own tables and schema history): the migrated schema is the one the code before versioning created
 * (its {@code pg_dump} in {@code src/test/resources/schema}); jobs complete, stop and fail; a restart keeps every state; and a
 * restart on a store written before the schema was versioned (no history tables, a column and an index missing)
 * adopts it without losing a job; and results that arrive while PostgreSQL is down wait for it, none is
 * dead-lettered, and every job completes; an orchestrator started while PostgreSQL is down is started once more
 * and serves. The tests run in order on one cluster, each adding to what the store holds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresStoreIT {
    private static final Duration DONE = Duration.ofSeconds(90);
    private static final String BUSYBOX = "local/busybox:latest";
    /** Small enough that four runs fit on the one compute node. */
    private static final String SMALL = "\"Resources\":{\"CPU\":\"100m\",\"Memory\":\"32Mb\"},";
    static Path gates;
    static PostgresServer postgres;
    static TestCluster cluster;
    /** Every job the tests ran, with the state it ended in. */
    static final Map<String, String> ENDED = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start(Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath()
                .resolve("postgres-db"));
        // one database for both stores here (one compute node; each store has its own tables and history table)
        gates = Gate.folder("postgres");
        cluster = TestCluster.create("postgres", Map.of(ConfigKeys.DATABASE_URL, postgres.jdbcUrl(),
                ConfigKeys.DATABASE_USER, "postgres", ConfigKeys.COMPUTE_DATABASE_URL, postgres.jdbcUrl(),
                ConfigKeys.COMPUTE_DATABASE_USER, "postgres", ConfigKeys.ALLOW_LISTED_LOCAL_PATHS, Gate.allowListEntry(gates))).start(1);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
        if (postgres != null) postgres.close();
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
    }

    /** The first column of the query's first row (null when none). */
    private static String one(String query) {
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    /** A busybox job running {@code sh -c script}. */
    private static String shellJob(String script) {
        return """
                {"Type":"batch","Count":1,"Tasks":[{"Name":"main",
                 "Engine":{"Type":"docker","Params":{"Image":"%s","Entrypoint":["sh","-c"],"Parameters":[%s]}}}]}
                """.formatted(BUSYBOX, Json.write(script));
    }

    @Test
    @Order(1)
    void theMigratedSchemaIsTheOneTheCodeBeforeVersioningCreated() throws Exception {
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("create database before_versioning");
        }
        String script;
        try (InputStream in = getClass().getResourceAsStream("/schema/before-versioning-postgresql.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Predicate<String> storeTables = t -> (t.startsWith("ORCH_") || t.startsWith("COMPUTE_"))
                && !t.endsWith("_SCHEMA_HISTORY");
        try (Connection before = DriverManager.getConnection(postgres.jdbcUrl().replace("/bacalao", "/before_versioning"),
                "postgres", ""); Connection now = db()) {
            before.createStatement().execute(script);
            // what the migrations after V1 change (docs/store-schema.md): V2 of the compute store, V2 of the orchestrator's
            before.createStatement().execute("alter table compute_outbox add column parked_time bigint");
            before.createStatement().execute("drop index orch_job_created; drop index orch_job_modified;"
                    + " create index orch_job_created on orch_job (create_time, id);"
                    + " create index orch_job_modified on orch_job (modify_time, id)");
            SchemaShape expected = SchemaShape.of(before, storeTables);
            assertEquals(10, expected.tables().size(), expected.tables().keySet().toString());
            assertEquals(expected, SchemaShape.of(now, storeTables));
        }
    }

    @Test
    @Order(2)
    void jobsCompleteAndAreRowsInPostgres() throws Exception {
        Api api = cluster.api();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(api.submit(Api.noopJob()));
        for (String id : ids) {
            assertEquals("Completed", api.awaitTerminal(id, DONE));
            ENDED.put(id, "Completed");
        }
        assertEquals("3", one("select count(*) from orch_job where state = 'Completed'"), "the jobs are rows in PostgreSQL");
        assertEquals("2", one("select max(version) from orchestrator_schema_history"));
        assertEquals("2", one("select max(version) from compute_schema_history"), "the compute node's store too");
    }

    @Test
    @Order(3)
    void aStoppedJobIsStoppedOnBothSides() throws Exception {
        Api api = cluster.api();
        String id = api.submit(shellJob("sleep 120"));
        api.awaitState(id, "Running"::equals, DONE);
        Waits.until("the compute node's execution of the job in its PostgreSQL table", DONE, () ->
                one("select count(*) from compute_execution where json like '%" + id + "%'").equals("1"));
        Cli.Result stop = cluster.cli().run("job", "stop", id);
        assertEquals(0, stop.exitCode(), stop.all());
        assertEquals("Stopped", api.state(id));
        ENDED.put(id, "Stopped");
        assertEquals("Stopped", one("select state from orch_job where id = '" + id + "'"));
    }

    @Test
    @Order(4)
    void aJobThatFailsOnTheComputeNodeFailsWithItsReason() {
        Api api = cluster.api();
        String id = api.submit(Api.noopJob().replace("{\"Type\":\"noop\"}",
                "{\"Type\":\"docker\",\"Params\":{\"Image\":\"local/no-such-image:1\"}}"));
        assertEquals("Failed", api.awaitTerminal(id, DONE));
        ENDED.put(id, "Failed");
        String described = cluster.cli().run("job", "describe", id).all();
        assertTrue(described.contains("could not be pulled"), described);
    }

    @Test
    @Order(5)
    void aRestartOnAStoreFromBeforeVersioningAdoptsItAndKeepsEveryJob() throws Exception {
        Api api = cluster.api();
        NodeProcess compute = cluster.nodes().nodes().stream().filter(p -> !p.spec().orchestrator()).findFirst()
                .orElseThrow();
        compute.stop(Duration.ofSeconds(20));
        cluster.orchestrator().stop(Duration.ofSeconds(20));
        // the store as the code before versioned migrations left it: no history, a later column and index missing
        try (Connection c = db(); Statement s = c.createStatement()) {
            for (String sql : List.of("drop table orchestrator_schema_history", "drop table compute_schema_history",
                    "drop index orch_evaluation_waiting", "alter table orch_evaluation drop column triggered_by",
                    "drop index orch_job_ns_created", "drop index compute_execution_state",
                    "alter table compute_outbox drop column parked_time")) {
                s.execute(sql);
            }
        }
        Instant restarted = Instant.now();
        cluster.restartOrchestrator();
        cluster.startCompute(1, Map.of()).awaitReady(TestCluster.READY);

        assertEquals("0 BASELINE, 1 SQL, 2 SQL", one("select string_agg(version || ' ' || type, ', ' order by"
                + " installed_rank) from orchestrator_schema_history where version is not null"), "adopted at 0, then V1 and V2");
        assertEquals("0 BASELINE, 1 SQL, 2 SQL", one("select string_agg(version || ' ' || type, ', ' order by"
                + " installed_rank) from compute_schema_history where version is not null"), "adopted at 0, then V1 and V2");
        assertEquals("1", one("select count(*) from information_schema.columns where table_name = 'compute_outbox'"
                + " and column_name = 'parked_time'"));
        assertEquals("3", one("select count(*) from pg_indexes where indexname in"
                + " ('orch_evaluation_waiting', 'orch_job_ns_created', 'compute_execution_state')"));
        assertEquals("1", one("select count(*) from information_schema.columns where table_name = 'orch_evaluation'"
                + " and column_name = 'triggered_by'"));
        for (Map.Entry<String, String> job : ENDED.entrySet()) {
            assertEquals(job.getValue(), api.state(job.getKey()), "job " + job.getKey() + " after the restart");
        }
        Waits.until("a heartbeat of the compute node after the restart", DONE,
                () -> api.computeHeartbeats("?filter-status=connected").stream().anyMatch(b -> b.isAfter(restarted)));
        String after = api.submit(shellJob("echo after"));
        assertEquals("Completed", api.awaitTerminal(after, DONE));
    }

    /**
     * Issue 16 item 2: PostgreSQL, the orchestrator's job store, crashes while four jobs run, and stays down for 20 s, four times what ten failed
     * deliveries of a report (500 ms apart) used to last before it was dead-lettered. Their results arrive
     * meanwhile and fail for want of the job store; they wait for it and are applied once it is back.
     */
    @Test
    @Order(6)
    void resultsThatArriveWhilePostgresIsDownWaitForItAndEveryJobCompletes() throws Exception {
        Api api = cluster.api();
        // the compute node keeps an H2 file of its own: this takes the orchestrator's job store away, not the node's
        for (NodeProcess p : cluster.nodes().nodes()) {
            if (!p.spec().orchestrator()) p.stop(Duration.ofSeconds(30));
        }
        cluster.startCompute(2, Map.of(ConfigKeys.COMPUTE_DATABASE_URL, "", ConfigKeys.COMPUTE_DATABASE_USER, ""))
                .awaitReady(TestCluster.READY);
        List<String> ids = new ArrayList<>();
        Gate gate = Gate.in(gates);
        for (int i = 0; i < 4; i++) ids.add(api.submit(gate.job("", SMALL)));
        for (String id : ids) api.awaitState(id, "Running"::equals, Duration.ofSeconds(90));
        long retriesBefore = deadLetters(api).get("DependencyRetries").asLong();

        postgres.crash();
        Instant down = Instant.now();
        gate.open();
        Waits.until("the orchestrator not ready without its job store", Duration.ofSeconds(30),
                () -> api.get("/health/ready").status() == 503);
        Waits.until("messages failing for want of the job store", Duration.ofSeconds(60),
                () -> dependencyRetries(api) > retriesBefore);
        // meanwhile the API says the store is away (Bacalhau's error body), for reads and for a submit alike
        for (Api.Response r : List.of(api.get("/api/v1/orchestrator/jobs"),
                api.put("/api/v1/orchestrator/jobs", "{\"Job\":" + Api.noopJob() + "}"))) {
            assertEquals(503, r.status(), r.body());
            assertEquals("ServiceUnavailable", r.json().get("Code").asText(), r.body());
            assertTrue(r.json().get("Message").asText().startsWith("the job store is not available"), r.body());
        }
        // the fault's length, not a wait for an effect: the jobs end within it (their gate opened with it), and it is longer
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

    /**
     * Issue 16: the compute node's own store (here PostgreSQL too) is down when a run ends. The node keeps the
     * result and records the end once its store answers again (StoreOutage); before, the end was lost and the
     * execution stayed Running on both sides.
     */
    @Test
    @Order(7)
    void aRunThatEndsWhileTheComputeStoreIsDownIsRecordedOnceItIsBack() throws Exception {
        Api api = cluster.api();
        for (NodeProcess p : cluster.nodes().nodes()) {
            if (!p.spec().orchestrator()) p.stop(Duration.ofSeconds(30));
        }
        NodeProcess compute = cluster.startCompute(1, Map.of());
        compute.awaitReady(TestCluster.READY);
        Gate gate = Gate.in(gates);
        String id = api.submit(gate.job("", SMALL));
        api.awaitState(id, "Running"::equals, DONE);
        long logStart = Files.size(compute.log());

        postgres.crash();
        gate.open();
        Waits.until("the compute node waiting for its store to record the run's end", Duration.ofSeconds(60),
                () -> logSince(compute, logStart).contains("the execution store does not answer"));
        postgres.resume();

        assertEquals("Completed", api.awaitTerminal(id, Duration.ofSeconds(120)));
        assertEquals("Completed", one("select state from compute_execution where id in (select id from"
                + " orch_execution where job_id = '" + id + "')"), "the node's own record of the run");
    }

    /**
     * An orchestrator started while its store is down fails to deploy; the launcher starts it once more (as it does
     * for any failed deployment, {@link NodeProcess#awaitReady}), and that start, with PostgreSQL back, serves.
     */
    @Test
    @Order(8)
    void anOrchestratorWhoseStoreIsDownAtItsStartIsStartedOnceMoreAndServes() throws Exception {
        NodeProcess before = cluster.orchestrator();
        before.stop(Duration.ofSeconds(20));
        postgres.crash();
        long logStart = Files.size(before.log());
        NodeProcess orchestrator = cluster.nodes().launch(cluster.nodes().orchestratorConfig());
        java.util.concurrent.FutureTask<Void> ready = new java.util.concurrent.FutureTask<>(() -> {
            orchestrator.awaitReady(TestCluster.READY);
            return null;
        });
        new Thread(ready, "await-orchestrator").start();

        Waits.until("the orchestrator's first start failing for want of its store", TestCluster.READY,
                () -> logSince(orchestrator, logStart).contains("Exception while preparing the app"));
        postgres.resume();
        ready.get(TestCluster.READY.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

        assertEquals(2, logSince(orchestrator, logStart).split("Payara Micro Runtime directory is located", -1).length - 1,
                "two starts in the log");
        Api api = cluster.api();
        for (Map.Entry<String, String> job : ENDED.entrySet()) {
            assertEquals(job.getValue(), api.state(job.getKey()), "job " + job.getKey() + " after the second start");
        }
        assertEquals("Completed", api.awaitTerminal(api.submit(Api.noopJob()), DONE));
    }

    /** The inbox's {@code bacalao_inbox_dependency_retries} metric (read without the job store). */
    private static double dependencyRetries(Api api) {
        Api.Response r = api.get("/metrics?scope=application");
        assertEquals(200, r.status(), r.body());
        return r.body().lines().filter(l -> l.startsWith("bacalao_inbox_dependency_retries"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    /** What the node logged after {@code offset} bytes of its log. */
    private static String logSince(NodeProcess node, long offset) {
        try (var in = Files.newInputStream(node.log())) {
            in.skipNBytes(offset);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The orchestrator's {@code DeadLetters} component of {@code agent debug}. */
    private static JsonNode deadLetters(Api api) {
        Api.Response r = api.get("/api/v1/agent/debug");
        assertEquals(200, r.status(), r.body());
        return r.json().get("DeadLetters");
    }
}
