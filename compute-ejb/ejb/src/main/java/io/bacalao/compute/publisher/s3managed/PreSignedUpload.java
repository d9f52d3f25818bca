package io.bacalao.compute.publisher.s3managed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Puts one file to a pre-signed S3 URL with a plain HTTP PUT (no credentials), retrying failed attempts with a
 * doubling backoff as Bacalhau's {@code S3PreSignedURLUploader} does. One request: S3 takes at most
 * {@value #MAX_BYTES} bytes in a single PUT, so a larger file fails before any request.
 */
final class PreSignedUpload {
    /** S3's limit for one PUT (5 GiB). */
    static final long MAX_BYTES = 5L * 1024 * 1024 * 1024;

    private final HttpClient http;
    private final int attempts;
    private final Duration firstBackoff;

    PreSignedUpload(HttpClient http, int attempts, Duration firstBackoff) {
        this.http = http;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    static PreSignedUpload standard() {
        return new PreSignedUpload(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build(), 4, Duration.ofSeconds(1));
    }

    /** @throws IOException saying what the last attempt got (never the URL: its query is a credential) */
    void put(String url, Path file) throws IOException, InterruptedException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException("the result archive is " + size + " bytes; an s3managed upload is one PUT of at most "
                    + MAX_BYTES + " bytes (S3's limit)");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofFile(file)).build();
        String last = "";
        Duration backoff = firstBackoff;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) return;
                last = "HTTP " + r.statusCode() + s3Code(r.body());
                if (r.statusCode() / 100 == 4 && r.statusCode() != 408 && r.statusCode() != 429) break;
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt < attempts) {
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2);
            }
        }
        throw new IOException(last);
    }

    /** " (Code)" from S3's XML error body, if any. */
    private static String s3Code(String body) {
        int start = body == null ? -1 : body.indexOf("<Code>");
        int end = start < 0 ? -1 : body.indexOf("</Code>", start);
        return end < 0 ? "" : " (" + body.substring(start + 6, end) + ")";
    }
}
