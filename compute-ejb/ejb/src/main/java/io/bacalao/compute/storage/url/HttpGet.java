package io.bacalao.compute.storage.url;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** One GET whose 2xx body is written to a file, with a limit on the whole exchange, and how to read its failures. */
final class HttpGet {
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    /** The server did not answer (headers and whole body) within the limit. */
    static final class NoAnswer extends IOException {
        NoAnswer(Throwable cause) {
            super("no answer", cause);
        }
    }

    private HttpGet() {
    }

    /**
     * Sends the GET; a 2xx body lands in {@code file} (at most {@code maxBytes}, else {@link CappedBody.TooLarge}),
     * any other body is discarded. {@code limit} (null or non-positive = none) covers connecting, headers and body;
     * past it the exchange is cancelled.
     */
    static HttpResponse<Path> send(HttpClient client, URI uri, Path file, Duration limit, long maxBytes) throws IOException {
        boolean limited = limit != null && limit.isPositive();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (limited) request.timeout(limit);
        CompletableFuture<HttpResponse<Path>> exchange = client.sendAsync(request.build(), info -> {
            if (info.statusCode() / 100 != 2) return HttpResponse.BodySubscribers.replacing(file);
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return declared > maxBytes ? new CappedBody<>(HttpResponse.BodySubscribers.replacing(file), maxBytes, declared)
                    : new CappedBody<>(HttpResponse.BodySubscribers.ofFile(file), maxBytes, -1);
        });
        try {
            return limited ? exchange.get(limit.toNanos(), TimeUnit.NANOSECONDS) : exchange.get();
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new NoAnswer(e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) throw new NoAnswer(cause);
            if (cause instanceof ConnectException) {
                ConnectException c = new ConnectException("cannot connect to " + uri.getAuthority());
                c.initCause(cause);
                throw c;
            }
            if (cause instanceof IOException io) throw io;
            throw new IOException(String.valueOf(cause), cause);
        }
    }

    /** Network trouble is worth another try; local file errors, TLS failures and interruption are not. */
    static boolean isTransient(IOException e) {
        return !(e instanceof FileSystemException || e instanceof SSLException || e instanceof InterruptedIOException
                || e instanceof CappedBody.TooLarge);
    }

    /** {@code HTTP 404 Not Found}; the JDK client does not expose the reason phrase, so known codes get the standard one. */
    static String statusText(int status) {
        String reason = REASONS.get(status);
        return "HTTP " + status + (reason == null ? "" : " " + reason);
    }
}
