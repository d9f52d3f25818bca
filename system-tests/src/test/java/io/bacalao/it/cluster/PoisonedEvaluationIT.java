package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.TestCluster;
import io.bacalao.payara.NodeProcess;
import io.bacalao.payara.NodeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 2 on a real orchestrator: bad rows in its H2 file (written with JDBC while it is stopped, as
 * after an upgrade or a damaged disk) never keep it busy for ever nor stop other jobs. A job whose evaluation
 * throws every time (a resource quantity the scheduler cannot parse) is dead-lettered after
 * {@code Orchestrator.EvaluationBroker.MaxRetryCount} attempts and ends Failed with the reason; a job whose
 * stored JSON cannot be read at all ends Failed too (with a readable stand-in; the text kept aside). The good
 * jobs beside them complete, /health/ready stays UP, and after another restart nothing of the bad jobs is
 * sent or processed again.
 */
class PoisonedEvaluationIT {
    static final String JOBS = "/api/v1/orchestrator/jobs/";
    static final int MAX_ATTEMPTS = 3;
    static final String WAITING = "{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"},"
            + "\"Resources\":{\"CPU\":\"0.1\"},\"Timeouts\":{\"QueueTimeout\":900}}]}";
    static TestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.create("poisoned", Map.of(ConfigKeys.EVAL_MAX_RETRY, String.valueOf(MAX_ATTEMPTS),
                ConfigKeys.HOUSEKEEPING_INTERVAL, "5s")).start(0);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    @Test
    void poisonedAndUnreadableJobsEndFailedAndEveryOtherJobGoesOn() throws Exception {
        Api api = cluster.api();
        String poisoned = api.submit(WAITING);
        String unreadable = api.submit(WAITING);
        List<String> good = List.of(api.submit(WAITING), api.submit(WAITING));
        for (String id : List.of(poisoned, unreadable, good.get(0), good.get(1))) {
            api.awaitState(id, "Queued"::equals, Duration.ofSeconds(60));
        }

        cluster.orchestrator().stop(Duration.ofSeconds(30));
        try (Connection db = database()) {
            String json = jobJson(db, poisoned);
            String changed = json.replaceFirst("\"CPU\":\"[^\"]*\"", "\"CPU\":\"lots\"");
            assertFalse(changed.equals(json), json);
            setJobJson(db, poisoned, changed);
            setJobJson(db, unreadable, jobJson(db, unreadable).substring(0, 40));
        }
        cluster.restartOrchestrator();

        assertEquals("Failed", api.awaitTerminal(poisoned, Duration.ofSeconds(120)));
        String reason = api.job(poisoned).get("State").get("Message").asText();
        assertTrue(reason.startsWith("Job failed because its evaluation ") && reason.contains("could not be processed")
                && reason.contains("invalid CPU value: lots"), reason);
        assertTrue(api.get(JOBS + poisoned + "/history").body().contains("invalid CPU value: lots"),
                "the reason is in the job's history");

        assertEquals("Failed", api.awaitTerminal(unreadable, Duration.ofSeconds(120)));
        String damaged = api.job(unreadable).get("State").get("Message").asText();
        assertTrue(damaged.contains("the stored job could not be read, its text is kept in ORCH_JOB.DAMAGED_JSON"),
                damaged);
        assertEquals("main", api.job(unreadable).get("Tasks").get(0).get("Name").asText(),
                "the stand-in is the submitted spec of the same version");
        assertTrue(api.get(JOBS + unreadable + "/history").body().contains("DAMAGED_JSON"));
        assertReady(api);

        NodeProcess compute = cluster.startCompute(1, Map.of());
        compute.awaitReady(TestCluster.READY);
        for (String id : good) assertEquals("Completed", api.awaitTerminal(id, Duration.ofSeconds(120)), id);

        Path log = cluster.orchestrator().log();
        cluster.orchestrator().stop(Duration.ofSeconds(30));
        Map<String, String> before;
        try (Connection db = database()) {
            before = evaluations(db, poisoned, unreadable);
            assertEquals(40, json(db, unreadable, "DAMAGED_JSON").length(), "the unreadable text is kept");
        }
        assertFalse(before.values().stream().anyMatch(v -> v.startsWith("PENDING")), "nothing waits: " + before);
        assertTrue(before.values().stream().anyMatch(v -> v.equals("FAILED/" + MAX_ATTEMPTS)),
                "the poisoned evaluation failed after " + MAX_ATTEMPTS + " attempts: " + before);
        long logBefore = Files.size(log);
        NodeProcess orchestrator = cluster.restartOrchestrator();

        String after = api.submit(Api.noopJob());
        assertEquals("Completed", api.awaitTerminal(after, Duration.ofSeconds(120)));
        assertEquals("Failed", api.state(poisoned));
        assertEquals("Failed", api.state(unreadable));
        assertReady(api);
        String newLog = tail(orchestrator.log(), logBefore);
        for (String evaluation : before.keySet()) {
            assertFalse(newLog.contains(evaluation), "evaluation " + evaluation + " was not touched after the restart");
        }
        orchestrator.stop(Duration.ofSeconds(30));
        try (Connection db = database()) {
            assertEquals(before, evaluations(db, poisoned, unreadable), "no attempt after the restart");
        }
    }

    private static void assertReady(Api api) {
        Api.Response ready = api.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("UP"), ready.body());
    }

    /** The orchestrator's own H2 file; only while it is stopped (H2 locks the file). */
    private static Connection database() throws SQLException {
        NodeSpec.Database h2 = NodeSpec.Database.h2(cluster.root().resolve("orchestrator"));
        return DriverManager.getConnection(h2.url(), h2.user(), h2.password());
    }

    private static String jobJson(Connection db, String jobId) throws SQLException {
        return json(db, jobId, "JSON");
    }

    private static String json(Connection db, String jobId, String column) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("select " + column + " from ORCH_JOB where ID = ?")) {
            q.setString(1, jobId);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "job row " + jobId);
                return rs.getString(1);
            }
        }
    }

    private static void setJobJson(Connection db, String jobId, String json) throws SQLException {
        try (PreparedStatement u = db.prepareStatement("update ORCH_JOB set JSON = ? where ID = ?")) {
            u.setString(1, json);
            u.setString(2, jobId);
            assertEquals(1, u.executeUpdate());
        }
    }

    /** Evaluation ID → "STATUS/ATTEMPTS" of both jobs' evaluations. */
    private static Map<String, String> evaluations(Connection db, String... jobIds) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement q = db.prepareStatement(
                "select ID, STATUS, coalesce(ATTEMPTS, 0) from ORCH_EVALUATION where JOB_ID in (?, ?)")) {
            q.setString(1, jobIds[0]);
            q.setString(2, jobIds[1]);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2) + "/" + rs.getInt(3));
            }
        }
        return out;
    }

    private static String tail(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                StandardCharsets.UTF_8);
    }
}
