package io.bacalao.cli.results;

import io.bacalao.cli.CliException;
import io.bacalao.domain.config.Durations;
import io.bacalao.domain.ipfs.IpfsSource;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.s3.AwsCredentialsPresence;
import io.bacalao.domain.s3.S3Source;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches {@code urlDownload} and {@code s3PreSigned} results over HTTP(S), unsigned {@code s3} archives with the
 * user's AWS credentials (docs/s3.md), one file per result named after the last segment of its URL or key (only
 * {@code [A-Za-z0-9._-]} kept, made unique), and {@code ipfs} results from the Kubo RPC API at
 * {@code ResultDownloaders.Types.IPFS.Endpoint}, one folder (or file) per result named after its CID (docs/ipfs.md),
 * into one folder. All downloads together must start within the timeout; a non-2xx answer, an unreachable server
 * or the timeout throw CliException.
 */
public final class ResultDownloader {
    public static final String TYPE = "urlDownload";

    private final HttpClient http;
    private final Clock clock;
    private final String ipfsEndpoint;

    public ResultDownloader(HttpClient http, Clock clock) {
        this(http, clock, "");
    }

    /** {@code ipfsEndpoint}: the Kubo RPC API ipfs results are fetched from; empty when none is configured. */
    public ResultDownloader(HttpClient http, Clock clock, String ipfsEndpoint) {
        this.http = http;
        this.clock = clock;
        this.ipfsEndpoint = ipfsEndpoint == null ? "" : ipfsEndpoint.strip();
    }

    public static ResultDownloader standard(String ipfsEndpoint) {
        return new ResultDownloader(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build(), Clock.systemUTC(), ipfsEndpoint);
    }

    /** {@code s3PreSigned}: an s3 result the orchestrator signed (its URL is {@code PreSignedURL}). */
    public static final String PRESIGNED_TYPE = "s3PreSigned";

    public static boolean supports(SpecConfig result) {
        return result.is(TYPE) || result.is(PRESIGNED_TYPE) || result.is(IpfsSource.TYPE)
                || directS3(result, AwsCredentialsPresence.present());
    }

    /**
     * An unsigned {@code s3} archive result, fetched with the user's own AWS credentials when there are any
     * (docs/s3.md); folder ({@code plain}) results are not downloaded.
     */
    static boolean directS3(SpecConfig result, boolean hasCredentials) {
        if (!hasCredentials || !result.is(S3Source.TYPE)) return false;
        String key = result.param("Key");
        return key != null && key.endsWith(".tar.gz") && result.param("Bucket") != null;
    }

    private static String urlOf(SpecConfig result) {
        return result.is(PRESIGNED_TYPE) ? result.param("PreSignedURL") : result.param("URL");
    }

    /**
     * Downloads every result into {@code dir} (created if needed) and returns what each became, in the same order:
     * an archive file for a URL result, the fetched file or folder for an ipfs result.
     */
    public List<Path> download(List<SpecConfig> results, Path dir, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Instant deadline = clock.instant().plus(timeout);
        Set<String> taken = new HashSet<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).is(IpfsSource.TYPE)) {
                files.add(IpfsResults.fetch(ipfsEndpoint, results.get(i), dir, taken, leftUntil(deadline, timeout)));
                continue;
            }
            if (results.get(i).is(S3Source.TYPE)) {
                S3Source source = S3Source.from(results.get(i));
                Path file = dir.resolve(fileName("s3://" + source.bucket() + "/" + source.key(), i, taken));
                S3ArchiveDownload.fetch(source, file, leftUntil(deadline, timeout));
                files.add(file);
                continue;
            }
            String url = urlOf(results.get(i));
            if (url == null || url.isBlank()) throw new CliException("result " + (i + 1) + " has no URL to download");
            Path file = dir.resolve(fileName(url, i, taken));
            fetch(url, file, deadline, timeout);
            files.add(file);
        }
        return files;
    }

    private void fetch(String url, Path file, Instant deadline, Duration timeout) throws InterruptedException, IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CliException("cannot download result: invalid URL \"" + url + "\"");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new CliException("cannot download result: unsupported URL \"" + url + "\" (http or https only)");
        }
        long leftMillis = leftUntil(deadline, timeout).toMillis();
        CompletableFuture<HttpResponse<Path>> call = http.sendAsync(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofFile(file));
        HttpResponse<Path> response;
        try {
            response = call.get(leftMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw timedOut(timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CliException("failed to download result from " + shown(url) + ": "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
        if (response.statusCode() / 100 != 2) {
            Files.deleteIfExists(file);
            throw new CliException("failed to download result from " + shown(url) + ": HTTP " + response.statusCode());
        }
    }

    private Duration leftUntil(Instant deadline, Duration timeout) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isZero() || left.isNegative()) throw timedOut(timeout);
        return left;
    }

    /** The URL without its query: a pre-signed URL's signature is a temporary credential, not for messages. */
    static String shown(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    static CliException timedOut(Duration timeout) {
        return new CliException("downloading results took longer than " + Durations.format(timeout),
                "allow more time with --download-timeout-secs");
    }

    /** A safe, unique file name for the result at {@code url}; {@code index} numbers nameless ones. */
    static String fileName(String url, int index, Set<String> taken) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            path = url.replaceFirst("[?#].*$", "");
        }
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        String name = last.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) name = "result-" + index + ".tar.gz";
        String candidate = name;
        for (int n = 1; !taken.add(candidate); n++) candidate = n + "-" + name;
        return candidate;
    }
}
