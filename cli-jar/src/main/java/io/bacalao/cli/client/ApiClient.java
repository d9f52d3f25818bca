package io.bacalao.cli.client;

import com.fasterxml.jackson.databind.JavaType;
import io.bacalao.cli.CliException;
import io.bacalao.domain.config.BuildVersion;
import io.bacalao.domain.error.ApiError;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** The orchestrator's REST API over HTTP, with the domain's JSON mapping and Bacalhau's client headers. */
public final class ApiClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Endpoint endpoint;
    private final HttpClient http;

    public ApiClient(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public <T> T get(String path, Class<T> type) {
        return send(request(path).GET().build(), Json.mapper().constructType(type));
    }

    public <T> T get(String path, JavaType type) {
        return send(request(path).GET().build(), type);
    }

    public <T> T put(String path, Object body, Class<T> type) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), Json.mapper().constructType(type));
    }

    /** DELETE with a JSON body, as Bacalhau's client sends the stop reason. */
    public <T> T delete(String path, Object body, Class<T> type) {
        return send(request(path).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(Json.write(body))).build(),
                Json.mapper().constructType(type));
    }

    private HttpRequest.Builder request(String path) {
        var v = BuildVersion.current();
        return HttpRequest.newBuilder(endpoint.uri(path)).timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("X-Bacalhau-Git-Version", v.gitVersion())
                .header("X-Bacalhau-Git-Commit", v.gitCommit())
                .header("X-Bacalhau-Build-OS", v.goos())
                .header("X-Bacalhau-Arch", v.goarch());
    }

    private <T> T send(HttpRequest request, JavaType type) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw unreachable("connection refused");
        } catch (HttpTimeoutException e) {
            throw unreachable("no answer within " + TIMEOUT.toSeconds() + "s");
        } catch (IOException e) {
            throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        if (response.statusCode() / 100 != 2) throw new ApiException(errorOf(response));
        try {
            return Json.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            throw new CliException("unexpected answer from " + endpoint + ": " + e.getMessage());
        }
    }

    private CliException unreachable(String why) {
        return unreachable(endpoint, why);
    }

    /** The error of every command that cannot reach the orchestrator, with what to do about it. */
    static CliException unreachable(Endpoint endpoint, String why) {
        return new CliException("could not connect to the orchestrator at " + endpoint + " (" + why + ")",
                "is it running? Start one with './bacalao devstack' or point the CLI elsewhere with --api-host/--api-port"
                        + " or BACALAO_API_HOST/BACALAO_API_PORT");
    }

    private static ApiError errorOf(HttpResponse<String> r) {
        try {
            ApiError e = Json.mapper().readValue(r.body(), ApiError.class);
            if (e.message() != null) return e;
        } catch (IOException ignored) {
            // not Bacalhau's error body
        }
        return new ApiError(r.statusCode(), "HTTP " + r.statusCode() + ": " + r.body(), "", "", "", null, null);
    }
}
