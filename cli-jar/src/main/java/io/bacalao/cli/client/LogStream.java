package io.bacalao.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.cli.CliException;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Reads a job's logs from the orchestrator's websocket ({@code /api/v1/orchestrator/jobs/{id}/logs}) and writes
 * each line, as it arrives, to the given writer. An error frame ends the stream with a {@link CliException}.
 */
public final class LogStream {
    private final Endpoint endpoint;
    private final TlsSettings tls;
    private final java.util.function.Supplier<java.util.Optional<String>> authorization;

    public LogStream(Endpoint endpoint) {
        this(endpoint, TlsSettings.NONE);
    }

    public LogStream(Endpoint endpoint, TlsSettings tls) {
        this(endpoint, tls, io.bacalao.cli.auth.ApiCredentials::header);
    }

    private LogStream(Endpoint endpoint, TlsSettings tls, java.util.function.Supplier<java.util.Optional<String>> authorization) {
        this.endpoint = endpoint;
        this.tls = tls;
        this.authorization = authorization;
    }

    /** The log stream of the orchestrator {@code client} talks to, with its TLS settings and credentials. */
    public static LogStream of(ApiClient client) {
        return new LogStream(client.endpoint(), client.tls(), client::authorization);
    }

    /** Copies the logs of {@code executionId} (null: the latest execution of {@code jobVersion}, 0: of any version). */
    public void copy(String jobId, String executionId, long jobVersion, boolean follow, boolean tail, String namespace,
                     PrintWriter out) throws InterruptedException {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        if (executionId != null && !executionId.isBlank()) q.add("execution_id=" + enc(executionId));
        if (jobVersion > 0) q.add("job_version=" + jobVersion);
        if (namespace != null && !namespace.isBlank()) q.add("namespace=" + enc(namespace));
        if (follow) q.add("follow=true");
        if (tail) q.add("tail=true");
        String scheme = endpoint.scheme().equals("https") ? "wss" : "ws";
        URI uri = URI.create(scheme + "://" + endpoint.host() + ":" + endpoint.port() + "/api/v1/orchestrator/jobs/"
                + enc(jobId) + "/logs" + q);
        Frames frames = new Frames(out);
        try {
            WebSocket.Builder ws = httpClient().newWebSocketBuilder();
            authorization.get().ifPresent(h -> ws.header("Authorization", h));
            ws.buildAsync(uri, frames).get();
            frames.done.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof CliException c) throw c;
            if (cause instanceof java.net.ConnectException) throw ApiClient.unreachable(endpoint, "connection refused");
            if (endpoint.tls() && cause instanceof IOException io) {
                CliException failure = TlsConnections.failure(endpoint, io);
                if (failure != null) throw failure;
            }
            throw new CliException("could not read the logs from " + endpoint + ": "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
    }

    private HttpClient httpClient() {
        if (!endpoint.tls()) return HttpClient.newHttpClient();
        javax.net.ssl.SSLContext ctx = TlsConnections.context(tls);
        return ctx == null ? HttpClient.newHttpClient() : HttpClient.newBuilder().sslContext(ctx).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static final class Frames implements WebSocket.Listener {
        private final PrintWriter out;
        private final StringBuilder partial = new StringBuilder();
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Frames(PrintWriter out) {
            this.out = out;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode frame = Json.mapper().readTree(text);
                    JsonNode error = frame.get("error");
                    if (error != null && !error.isNull()) {
                        done.completeExceptionally(new CliException(error.path("Message").asText("log stream failed")));
                    } else {
                        out.print(frame.path("value").path("Line").asText(""));
                        out.flush();
                    }
                } catch (IOException e) {
                    done.completeExceptionally(new CliException("unreadable log frame: " + text));
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            done.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            done.completeExceptionally(error);
        }
    }
}
