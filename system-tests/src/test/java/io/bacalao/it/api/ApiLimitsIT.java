package io.bacalao.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.RawHttp;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API limits that need their own configuration: a tiny rate limit, a short request timeout and one allowed
 * web origin, on an orchestrator of their own (the shared cluster keeps the defaults).
 */
class ApiLimitsIT {
    static final String UI = "http://ui.example:8438";
    static final String EVIL = "https://evil.example";
    static final int PER_SECOND = 20;
    static TestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.create("api-limits", Map.of(ConfigKeys.API_RATE_LIMIT, String.valueOf(PER_SECOND),
                ConfigKeys.API_REQUEST_TIMEOUT, "2s", ConfigKeys.API_CORS_ALLOWED_ORIGINS, UI)).start(0);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    @BeforeEach
    void aFullBucket() {
        Waits.until("the rate limit lets requests through", Duration.ofSeconds(20),
                () -> cluster.api().get("/api/v1/agent/alive").status() == 200);
        Waits.pause(Duration.ofMillis(1000 + 1000 / PER_SECOND));
    }

    @Test
    void aClientOverTheRateLimitGets429ThenRecovers() {
        Api api = cluster.api();
        Api.Response refused = null;
        for (int i = 0; i < 5 * PER_SECOND && refused == null; i++) {
            Api.Response r = api.get("/api/v1/agent/alive");
            if (r.status() == 429) refused = r;
            else assertEquals(200, r.status(), r.body());
        }
        assertTrue(refused != null, "no 429 after " + 5 * PER_SECOND + " requests at once");
        assertEquals("ResourceExhausted", refused.json().get("Code").asText());
        assertEquals(429, refused.json().get("Status").asInt());
        assertEquals("rate limit exceeded", refused.json().get("Message").asText());
        assertTrue(refused.json().has("RequestID"));
        Waits.until("the bucket refills", Duration.ofSeconds(10), () -> api.get("/api/v1/agent/alive").status() == 200);
    }

    @Test
    void anAllowedOriginGetsItsPreflightAndMayWrite() {
        Api api = cluster.api();
        Api.Response preflight = api.send(request("/api/v1/orchestrator/jobs").header("Origin", UI)
                .header("Access-Control-Request-Method", "PUT").header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.status(), preflight.body());
        assertEquals(UI, preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("PUT"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Content-Type"));
        Api.Response put = api.send(request("/api/v1/orchestrator/jobs").header("Origin", UI)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"Job\":" + Api.noopJob() + "}")));
        assertEquals(200, put.status(), put.body());
        assertEquals(UI, put.header("Access-Control-Allow-Origin"));
        Api.Response read = api.send(request("/api/v1/agent/alive").header("Origin", EVIL).GET());
        assertEquals(200, read.status());
        assertNull(read.header("Access-Control-Allow-Origin"), "another origin is never told it may read");
        Api.Response write = api.send(request("/api/v1/orchestrator/jobs").header("Origin", EVIL)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, write.status());
        assertEquals("Forbidden", write.json().get("Code").asText());
    }

    @Test
    void theLogsWebsocketChecksOrigin() throws Exception {
        int port = cluster.apiPort();
        String path = "/api/v1/orchestrator/jobs/no-such-job/logs";
        RawHttp.Outcome evil = RawHttp.sendAndStall("127.0.0.1", port,
                RawHttp.websocketHandshake("127.0.0.1", port, path, EVIL), "\r\n\r\n", Duration.ofSeconds(15));
        assertTrue(evil.statusLine().contains(" 403"), evil.received());
        for (String origin : new String[]{null, UI, "http://127.0.0.1:" + port}) {
            RawHttp.Outcome ok = RawHttp.sendAndStall("127.0.0.1", port,
                    RawHttp.websocketHandshake("127.0.0.1", port, path, origin), "\r\n\r\n", Duration.ofSeconds(15));
            assertTrue(ok.statusLine().contains(" 101"), "origin " + origin + ": " + ok.received());
        }
    }

    @Test
    void aClientThatSendsHalfItsHeadersAndStallsIsDisconnected() throws Exception {
        RawHttp.Outcome o = RawHttp.sendAndStall("127.0.0.1", cluster.apiPort(),
                "GET /api/v1/agent/alive HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", null, Duration.ofSeconds(30));
        assertTrue(o.closedByServer(), "still open after " + o.after().toSeconds() + " s");
        assertTrue(o.after().compareTo(Duration.ofSeconds(15)) < 0, "closed only after " + o.after());
    }

    @Test
    void aClientThatStopsSendingItsBodyIsCutOff() throws Exception {
        RawHttp.Outcome o = RawHttp.sendAndStall("127.0.0.1", cluster.apiPort(),
                "PUT /api/v1/orchestrator/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"Job\":", null, Duration.ofSeconds(30));
        assertTrue(o.closedByServer(), "still open after " + o.after().toSeconds() + " s: " + o.received());
        assertTrue(o.after().compareTo(Duration.ofSeconds(15)) < 0, "closed only after " + o.after());
        assertTrue(o.received().isEmpty() || o.statusLine().contains(" 408"), "a timeout, not an error: " + o.received());
        Waits.until("the API still answers", Duration.ofSeconds(10),
                () -> cluster.api().get("/api/v1/agent/alive").status() == 200);
    }

    @Test
    void badLogsParametersGetAnErrorFrameAndAClose() throws Exception {
        String job = "/api/v1/orchestrator/jobs/no-such-job/logs";
        Map<String, String> cases = Map.of(
                job + "?follow=maybe", "invalid follow: maybe",
                job + "?tail=2", "invalid tail: 2",
                job + "?namespace=" + "n".repeat(300), "invalid namespace: longer than 256",
                job + "?execution_id=e%0A", "invalid execution_id: control characters",
                job, "job not found: no-such-job");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String frame = LogsFrames.firstFrame(URI.create("ws://127.0.0.1:" + cluster.apiPort() + c.getKey()));
            assertTrue(frame.contains(c.getValue()), c.getKey() + ": " + frame);
            assertTrue(frame.contains("\"error\""), frame);
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cluster.apiPort() + path));
    }
}
