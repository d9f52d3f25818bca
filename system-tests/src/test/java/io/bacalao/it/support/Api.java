package io.bacalao.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Raw HTTP against the REST API, as curl or another Bacalhau client would use it: JSON trees, no domain types. */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(String host, int port) {
        this.base = "http://" + host + ":" + port;
    }

    /** A response: status, parsed JSON body (null when not JSON) and headers. */
    public record Response(int status, JsonNode json, String body, Map<String, java.util.List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = r.body().isBlank() ? null : Json.mapper().readTree(r.body());
            } catch (IOException notJson) {
                // left null
            }
            return new Response(r.statusCode(), json, r.body(), r.headers().map());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Submits {"Job": job} and returns the job ID (fails the test on an error answer). */
    public String submit(String jobJson) {
        Response r = put("/api/v1/orchestrator/jobs", "{\"Job\":" + jobJson + "}");
        if (r.status() != 200) throw new AssertionError("submit failed: " + r.status() + " " + r.headers() + " " + r.body());
        return r.json().get("JobID").asText();
    }

    public JsonNode job(String id) {
        return get("/api/v1/orchestrator/jobs/" + id).json().get("Job");
    }

    public String state(String id) {
        return job(id).get("State").get("StateType").asText();
    }

    /** Polls the job until its state satisfies the predicate, or fails after {@code timeout}. */
    public String awaitState(String id, Predicate<String> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String s = "";
        while (Instant.now().isBefore(deadline)) {
            Response r = get("/api/v1/orchestrator/jobs/" + id);
            if (r.status() == 200) {
                s = r.json().get("Job").get("State").get("StateType").asText();
                if (done.test(s)) return s;
            }
            Waits.pause(Duration.ofMillis(100));
        }
        throw new AssertionError("job " + id + " still " + s + " after " + timeout.toSeconds() + "s");
    }

    public String awaitTerminal(String id, Duration timeout) {
        return awaitState(id, s -> s.equals("Completed") || s.equals("Failed") || s.equals("Stopped"), timeout);
    }

    /**
     * The last heartbeat of each compute node that {@code /api/v1/orchestrator/nodes} lists with {@code query}
     * (e.g. {@code "?filter-status=connected"}); none while the API does not answer.
     */
    public List<Instant> computeHeartbeats(String query) {
        Response r = get("/api/v1/orchestrator/nodes" + query);
        if (r.status() != 200) return List.of();
        List<Instant> beats = new ArrayList<>();
        for (JsonNode n : r.json().get("Nodes")) {
            if (n.get("Info").get("NodeType").asText().equals("Compute")) {
                beats.add(Instant.parse(n.get("ConnectionState").get("LastHeartbeat").asText()));
            }
        }
        return beats;
    }

    public static String noopJob() {
        return "{\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}";
    }
}
