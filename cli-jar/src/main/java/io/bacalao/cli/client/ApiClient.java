package io.bacalao.cli.client;

import com.fasterxml.jackson.databind.JavaType;
import io.bacalao.cli.CliException;
import io.bacalao.domain.config.BuildVersion;
import io.bacalao.domain.error.ApiError;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The orchestrator's REST API over HTTP, with the domain's JSON mapping and Bacalhau's client headers.
 *
 * <p>One request per command, so it uses {@link HttpURLConnection}: a plain {@code http://} endpoint then costs no
 * TLS initialisation, no selector thread and a fraction of the classes of {@code java.net.http.HttpClient} (which
 * initialises the default {@code SSLContext} when it is built, whatever the scheme; see docs/cli-startup.md).
 * An {@code https://} endpoint goes through {@code HttpsURLConnection} with the trust of its {@link TlsSettings}
 * ({@link TlsConnections}, loaded only then).
 */
public final class ApiClient {
    /** Whole-request limit (connect, send, first byte and each read): Bacalhau's client waits as long. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Connect limit: an orchestrator that does not accept in 5 s is reported unreachable. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private final Endpoint endpoint;
    private final TlsSettings tls;
    private final io.bacalao.cli.auth.sso.SsoTokens sso;
    private final String profileToken;

    public ApiClient(Endpoint endpoint) {
        this(endpoint, TlsSettings.NONE);
    }

    public ApiClient(Endpoint endpoint, TlsSettings tls) {
        this(endpoint, tls, null);
    }

    /** With the SSO tokens of {@code auth sso login} ({@code null}: none), used when no credential variable is set. */
    public ApiClient(Endpoint endpoint, TlsSettings tls, io.bacalao.cli.auth.sso.SsoTokens sso) {
        this(endpoint, tls, sso, "");
    }

    /** With the token of the CLI profile in use ({@code auth.token}; empty: none). */
    public ApiClient(Endpoint endpoint, TlsSettings tls, io.bacalao.cli.auth.sso.SsoTokens sso, String profileToken) {
        this.endpoint = endpoint;
        this.tls = tls;
        this.sso = sso;
        this.profileToken = profileToken == null ? "" : profileToken;
    }

    /**
     * The Authorization header every request and the logs websocket carry, in Bacalhau's precedence: the credential
     * variables, else the profile's token, else the token {@code auth sso login} stored for this endpoint.
     */
    public java.util.Optional<String> authorization() {
        java.util.Optional<String> env = io.bacalao.cli.auth.ApiCredentials.header();
        if (env.isPresent()) return env;
        if (!profileToken.isEmpty()) return java.util.Optional.of("Bearer " + profileToken);
        if (sso == null) return env;
        return sso.bearerFor(endpoint.uri("").toString());
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public TlsSettings tls() {
        return tls;
    }

    public <T> T get(String path, Class<T> type) {
        return send("GET", path, null, Json.mapper().constructType(type));
    }

    public <T> T get(String path, JavaType type) {
        return send("GET", path, null, type);
    }

    public <T> T put(String path, Object body, Class<T> type) {
        return send("PUT", path, Json.write(body), Json.mapper().constructType(type));
    }

    /** DELETE with a JSON body, as Bacalhau's client sends the stop reason. */
    public <T> T delete(String path, Object body, Class<T> type) {
        return send("DELETE", path, Json.write(body), Json.mapper().constructType(type));
    }

    private <T> T send(String method, String path, String body, JavaType type) {
        Response response;
        try {
            response = exchange(method, path, body);
        } catch (ConnectException e) {
            throw unreachable("connection refused");
        } catch (ConnectTimeout e) {
            throw unreachable("connection refused");
        } catch (SocketTimeoutException e) {
            throw unreachable("no answer within " + TIMEOUT.toSeconds() + "s");
        } catch (IOException e) {
            if (endpoint.tls()) {
                CliException failure = TlsConnections.failure(endpoint, e);
                if (failure != null) throw failure;
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!endpoint.tls() && (why.contains("Unexpected end of file") || why.contains("Connection reset"))) {
                // a TLS listener closes a plain HTTP connection without an answer
                throw new CliException("could not talk to the orchestrator at " + endpoint + " (" + why + ")",
                        "if its API uses TLS, use --tls or an https:// --api-host (see docs/tls.md)");
            }
            throw unreachable(why);
        }
        if (response.status() / 100 != 2) throw new ApiException(errorOf(response));
        try {
            return Json.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            throw new CliException("unexpected answer from " + endpoint + ": " + e.getMessage());
        }
    }

    /**
     * One request on its own connection. No proxy (as {@code java.net.http.HttpClient} by default), no redirects,
     * and a request with a body is sent in fixed-length mode, which {@link HttpURLConnection} never silently
     * retries: a job submission is sent at most once.
     */
    private Response exchange(String method, String path, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint.uri(path).toURL().openConnection(Proxy.NO_PROXY);
        if (endpoint.tls()) TlsConnections.configure(c, tls);
        try {
            c.setRequestMethod(method);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            c.setReadTimeout((int) TIMEOUT.toMillis());
            var v = BuildVersion.current();
            c.setRequestProperty("Accept", "application/json");
            c.setRequestProperty("X-Bacalhau-Git-Version", v.gitVersion());
            c.setRequestProperty("X-Bacalhau-Git-Commit", v.gitCommit());
            c.setRequestProperty("X-Bacalhau-Build-OS", v.goos());
            c.setRequestProperty("X-Bacalhau-Arch", v.goarch());
            authorization().ifPresent(h -> c.setRequestProperty("Authorization", h));
            byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            if (bytes != null) {
                c.setRequestProperty("Content-Type", "application/json");
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(bytes.length);
            }
            try {
                c.connect();
            } catch (SocketTimeoutException e) {
                throw new ConnectTimeout();
            }
            if (bytes != null) {
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            if (in == null) return new Response(status, "");
            try (in) {
                return new Response(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            c.disconnect();
        }
    }

    private record Response(int status, String body) {
    }

    /** A connect that timed out, told apart from a read that did. */
    private static final class ConnectTimeout extends IOException {
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

    private static ApiError errorOf(Response r) {
        try {
            ApiError e = Json.mapper().readValue(r.body(), ApiError.class);
            if (e.message() != null) return e;
        } catch (IOException ignored) {
            // not Bacalhau's error body
        }
        return new ApiError(r.status(), "HTTP " + r.status() + ": " + r.body(), "", "", "", null, null);
    }
}
