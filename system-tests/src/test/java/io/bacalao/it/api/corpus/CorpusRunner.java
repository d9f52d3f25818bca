package io.bacalao.it.api.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.spec.Json;
import io.bacalao.it.support.Api;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/** Sends one corpus case to a cluster's API and checks the answer against the case's expectation. */
public final class CorpusRunner {
    static final Duration JOB_END = Duration.ofMinutes(3);
    private final Api api;
    private final String base;

    public CorpusRunner(Api api, int port) {
        this.api = api;
        this.base = "http://127.0.0.1:" + port;
    }

    public void run(CorpusCase c) {
        Api.Response r = api.send(request(c));
        CorpusCase.Expect e = c.expect();
        assertEquals(e.status(), r.status(), c + ": status; body " + abbreviated(r.body()));
        if (e.status() >= 400) checkErrorBody(c, r);
        if (e.jobState() != null) checkJobEnd(c, r);
    }

    private HttpRequest.Builder request(CorpusCase c) {
        if (c.job() != null) {
            byte[] body = ("{\"Job\":" + Json.write(c.job()) + "}").getBytes(StandardCharsets.UTF_8);
            return HttpRequest.newBuilder(URI.create(base + "/api/v1/orchestrator/jobs"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        JsonNode q = c.request();
        String method = q.path("method").asText("GET");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + q.path("path").asText("/")));
        byte[] body = body(q);
        boolean contentTypeSet = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = q.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (h.getKey().equalsIgnoreCase("Content-Type")) contentTypeSet = true;
            if (!h.getValue().asText().isEmpty()) b.header(h.getKey(), h.getValue().asText());
        }
        if (body == null) return b.method(method, HttpRequest.BodyPublishers.noBody());
        if (!contentTypeSet) b.header("Content-Type", "application/json");
        HttpRequest.BodyPublisher publisher = q.path("chunked").asBoolean()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return b.method(method, publisher);
    }

    /** The request's body: raw text, a JSON value, a generated body, or none. */
    private static byte[] body(JsonNode q) {
        if (q.has("body")) return q.get("body").asText().getBytes(StandardCharsets.UTF_8);
        if (q.has("json")) return Json.write(q.get("json")).getBytes(StandardCharsets.UTF_8);
        if (q.has("generate")) return CorpusBodies.generate(q.get("generate"));
        return null;
    }

    /** Bacalhau's error body (reference §1.2); the client-version gate answers {"Error": …} instead. */
    private static void checkErrorBody(CorpusCase c, Api.Response r) {
        if (r.body().isEmpty() && c.request() != null && "HEAD".equals(c.request().path("method").asText())) return;
        JsonNode j = r.json();
        assertNotNull(j, c + ": a JSON error body, got " + abbreviated(r.body()));
        String message;
        if (j.has("Error") && !j.has("Message")) {
            message = j.get("Error").asText();
        } else {
            for (String key : new String[]{"Status", "Message", "RequestID", "Code", "Component"}) {
                assertTrue(j.has(key), c + ": error body has " + key + ": " + j);
            }
            assertEquals(r.status(), j.get("Status").asInt(), c + ": Status in the body");
            message = j.get("Message").asText();
        }
        CorpusCase.Expect e = c.expect();
        if (e.message() != null) {
            assertTrue(message.contains(e.message()), c + ": message should contain \"" + e.message() + "\" but was \""
                    + abbreviated(message) + "\"");
        }
        if (e.code() != null) assertEquals(e.code(), j.path("Code").asText(), c + ": Code");
    }

    /** A job that was accepted must end in the expected state with the expected reason. */
    private void checkJobEnd(CorpusCase c, Api.Response r) {
        String id = r.json().path("JobID").asText();
        if (id.isEmpty()) fail(c + ": no JobID in " + r.body());
        String state = api.awaitTerminal(id, JOB_END);
        assertEquals(c.expect().jobState(), state, c + ": final state of " + id);
        String wanted = c.expect().message();
        if (wanted == null) return;
        StringBuilder seen = new StringBuilder(api.job(id).path("State").path("Message").asText());
        for (JsonNode e : api.get("/api/v1/orchestrator/jobs/" + id + "/executions").json().path("Items")) {
            seen.append(" | ").append(e.path("ComputeState").path("Message").asText());
        }
        assertTrue(seen.toString().contains(wanted), c + ": \"" + wanted + "\" not in the job's or its executions'"
                + " messages: " + abbreviated(seen.toString()));
    }

    private static String abbreviated(String s) {
        return s == null ? "null" : s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }
}
