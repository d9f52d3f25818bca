package io.bacalao.compute.storage.url;

import io.bacalao.compute.storage.InputStorage;
import io.bacalao.compute.storage.Mount;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.config.Durations;
import io.bacalao.domain.model.InputSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Source type {@code urlDownload} ({@code {"URL": "https://…"}}): an HTTP(S) GET, at most
 * {@code InputSources.MaxRedirects} redirects followed (to http or https only, never from https down to http), whose
 * body (at most {@code InputSources.MaxDownloadBytes}, else the input fails without a retry) becomes the file {@code <inputDir>/<name>} (see {@link DownloadName}), mounted
 * read-only at {@code <Target>/<name>}. A failed attempt is retried up to {@code maxRetries} more times with a backoff of
 * 200 ms, doubling, when it could not connect, ran past {@code readTimeout} (whole attempt, body included), or got
 * a 5xx or 429; other non-2xx answers fail at once. A failed attempt leaves nothing in {@code inputDir}.
 */
@ApplicationScoped
public class UrlDownloadStorage implements InputStorage {
    public static final String TYPE = "urlDownload";
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    /** Waits between attempts; tests pass one that only records the waits. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final Pause pause;
    private HttpClient client;

    public UrlDownloadStorage() {
        this(Thread::sleep);
    }

    public UrlDownloadStorage(Pause pause) {
        this.pause = pause;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Mount prepare(InputSource input, StorageContext context) throws StorageException {
        URI uri = parse(input);
        Path file = download(uri, context);
        String target = input.target().endsWith("/") ? input.target() : input.target() + "/";
        return new Mount(file, target + file.getFileName(), false);
    }

    private static URI parse(InputSource input) throws StorageException {
        String url = input.source().param("URL");
        if (url == null || url.isBlank()) {
            throw new StorageException("urlDownload input for " + input.target() + " has no URL");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new StorageException("cannot download " + url + ": only http and https URLs are supported");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new StorageException("cannot download " + url + ": not a valid URL (" + e.getMessage() + ")", e);
        }
    }

    private Path download(URI uri, StorageContext context) throws StorageException {
        int attempts = 1 + Math.max(0, context.maxRetries());
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                return new Attempt(client(), uri, context).run();
            } catch (Attempt.Failure f) {
                if (!f.retryable || attempt >= attempts) {
                    String tries = attempt > 1 ? " (after " + attempt + " attempts)" : "";
                    throw new StorageException("failed to download " + uri + ": " + f.getMessage() + tries, f.getCause());
                }
            }
            try {
                pause.pause(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("download of " + uri + " was interrupted", e);
            }
            backoff = backoff.multipliedBy(2);
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    /** Releases the HTTP client; a later download makes a new one. */
    @PreDestroy
    public synchronized void close() {
        if (client != null) client.close();
        client = null;
    }

    /**
     * One GET and the redirects it leads to: the body goes to a hidden temporary file, renamed once the whole body
     * is in. Each hop is limited by {@code readTimeout}.
     */
    private record Attempt(HttpClient client, URI uri, StorageContext context) {
        Path run() throws Failure {
            Path partial = context.inputDir().resolve(".download-" + UUID.randomUUID() + ".partial");
            long maxBytes = context.limits().maxDownloadBytes();
            try {
                Files.createDirectories(context.inputDir());
                URI current = uri;
                HttpResponse<Path> response = HttpGet.send(client, current, partial, context.readTimeout(), maxBytes);
                for (int hops = 0; Redirects.isRedirect(response.statusCode()); hops++) {
                    if (hops >= context.limits().maxRedirects()) {
                        throw new Failure("more than " + context.limits().maxRedirects() + " redirects ("
                                + ConfigKeys.MAX_REDIRECTS + ")", false, null);
                    }
                    current = Redirects.next(current, response.headers().firstValue("Location"));
                    response = HttpGet.send(client, current, partial, context.readTimeout(), maxBytes);
                }
                int status = response.statusCode();
                if (status / 100 != 2) {
                    throw new Failure(HttpGet.statusText(status), status >= 500 || status == 429, null);
                }
                Path file = context.inputDir().resolve(DownloadName.of(response.uri(),
                        response.headers().firstValue("Content-Disposition")));
                return Files.move(partial, file);
            } catch (Redirects.Refused e) {
                throw new Failure(e.getMessage(), false, null);
            } catch (CappedBody.TooLarge e) {
                throw new Failure(e.getMessage() + " (" + ConfigKeys.MAX_DOWNLOAD_BYTES + ")", false, e);
            } catch (HttpGet.NoAnswer e) {
                throw new Failure("no answer within " + Durations.format(context.readTimeout()), true, e.getCause());
            } catch (IOException e) {
                throw new Failure(e.getMessage() == null ? e.toString() : e.getMessage(), HttpGet.isTransient(e), e);
            } finally {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the execution directory is removed with the execution
                }
            }
        }

        static final class Failure extends Exception {
            final boolean retryable;

            Failure(String message, boolean retryable, Throwable cause) {
                super(message, cause);
                this.retryable = retryable;
            }
        }
    }
}
