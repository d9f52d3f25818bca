package io.bacalao.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.SharedCluster;
import io.bacalao.it.support.TestCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every class of bad input gets Bacalhau's error body (reference §1.2) and stores nothing. */
@ExtendWith(SharedCluster.class)
class ApiErrorsIT {
    static final String JOBS = "/api/v1/orchestrator/jobs";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"Job\":{|malformed request body",
            "unknown top-level field|{\"Job\":{\"Type\":\"batch\",\"Foo\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}}|unknown field: 'Foo' in 'Job'",
            "missing type|{\"Job\":{\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}}|missing job type",
            "invalid type|{\"Job\":{\"Type\":\"sometimes\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}}|invalid job type: \"sometimes\"",
            "negative count|{\"Job\":{\"Type\":\"batch\",\"Count\":-1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}}|job count must be >= 0",
            "invalid resources|{\"Job\":{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"},\"Resources\":{\"CPU\":\"lots\"}}]}}|invalid resources: invalid CPU value: lots",
            "relative result path|{\"Job\":{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"},\"Publisher\":{\"Type\":\"local\"},\"ResultPaths\":[{\"Name\":\"out\",\"Path\":\"out\"}]}]}}|result path `out` must be absolute",
            "count of wrong type|{\"Job\":{\"Type\":\"batch\",\"Count\":\"three\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}}|field: 'Count' in 'Job' is invalid type",
            "no job at all|{}|missing job in request",
            "missing tasks|{\"Job\":{\"Type\":\"batch\"}}|missing job tasks"})
    void badSubmissionsAre400WithTheReason(String what, String body, String expected, TestCluster cluster) {
        Api api = cluster.api();
        int before = api.get(JOBS).json().get("Items").size();
        Api.Response r = api.put(JOBS, body);
        assertEquals(400, r.status(), what + ": " + r.body());
        assertErrorBody(r);
        assertTrue(r.json().get("Message").asText().contains(expected), what + ": " + r.json().get("Message"));
        assertEquals(before, api.get(JOBS).json().get("Items").size(), "nothing stored");
    }

    @Test
    void severalProblemsAreReportedTogether(TestCluster cluster) {
        Api.Response r = cluster.api().put(JOBS, "{\"Job\":{\"Count\":-2,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{}}]}}");
        String m = r.json().get("Message").asText();
        assertTrue(m.contains("missing job type") && m.contains("job count must be >= 0")
                && m.contains("invalid engine: missing spec type"), m);
        assertTrue(m.contains("\n"), "errors joined by newlines: " + m);
    }

    @Test
    void unknownRoutesGetBacalhausNotFoundBody(TestCluster cluster) {
        Api.Response r = cluster.api().get("/api/v1/requester/list");
        assertEquals(404, r.status());
        assertErrorBody(r);
        assertEquals("The requested resource/URL was not found.", r.json().get("Message").asText());
        assertEquals("APIServer", r.json().get("Component").asText());
        assertEquals("NotFound", r.json().get("Code").asText());
        assertFalse(r.json().get("Hint").asText().isEmpty());
    }

    @Test
    void unknownJobsAre404FromTheJobStore(TestCluster cluster) {
        Api.Response r = cluster.api().get(JOBS + "/j-00000000-0000-0000-0000-000000000000");
        assertEquals(404, r.status());
        assertEquals("NotFound", r.json().get("Code").asText());
        assertEquals("JobStore", r.json().get("Component").asText());
        assertEquals(404, cluster.api().get(JOBS + "/no-such-job/history").status());
    }

    @Test
    void badQueryParametersAre400(TestCluster cluster) {
        Api api = cluster.api();
        assertEquals(400, api.get(JOBS + "?next_token=bogus").status());
        assertEquals(400, api.get(JOBS + "?labels=a%20in%20(").status());
        assertEquals(400, api.get("/api/v1/orchestrator/nodes?order_by=colour").status());
        String id = api.submit(Api.noopJob());
        assertEquals(400, api.get(JOBS + "/" + id + "/history?event_type=sometimes").status());
        Api.Response order = api.get(JOBS + "?order_by=id");
        assertEquals(400, order.status(), "Bacalhau answers 500; a bad parameter is the client's error");
        assertEquals("OrderBy id not supported for listJobs", order.json().get("Message").asText());
    }

    @Test
    void everyResponseCarriesARequestIdAndServerHeaders(TestCluster cluster) {
        Api.Response r = cluster.api().get("/api/v1/agent/alive");
        assertNotNull(r.header("X-Request-Id"));
        assertEquals("v1.9.3", r.header("X-Bacalhau-Git-Version"));
        assertNull(r.header("Access-Control-Allow-Origin"), "no cross-origin access unless configured");
        Api.Response err = cluster.api().get(JOBS + "/nope");
        assertEquals(err.header("X-Request-Id"), err.json().get("RequestID").asText());
    }

    @Test
    void clientsNamingAnOldOrUnreadableVersionAreTurnedAway(TestCluster cluster) {
        Api.Response old = cluster.api().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + cluster.apiPort() + "/api/v1/agent/alive"))
                .header("X-Bacalhau-Git-Version", "v1.3.2"));
        assertEquals(403, old.status());
        assertEquals("Client version is outdated. Update your client", old.json().get("Error").asText());
        assertEquals("1.4.0", old.json().get("MinVersion").asText());
        Api.Response bad = cluster.api().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + cluster.apiPort() + "/api/v1/agent/alive"))
                .header("X-Bacalhau-Git-Version", "banana"));
        assertEquals(400, bad.status());
        assertEquals("Invalid client version banana", bad.json().get("Error").asText());
        Api.Response dev = cluster.api().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + cluster.apiPort() + "/api/v1/agent/alive"))
                .header("X-Bacalhau-Git-Version", "v0.0.0-abcdef0"));
        assertEquals(200, dev.status());
    }

    private static void assertErrorBody(Api.Response r) {
        JsonNode j = r.json();
        assertNotNull(j, "JSON error body: " + r.body());
        for (String key : new String[]{"Status", "Message", "RequestID", "Code", "Component"}) {
            assertTrue(j.has(key), "error body has " + key + ": " + j);
        }
        assertEquals(r.status(), j.get("Status").asInt());
    }
}
