package io.bacalao.compute.storage.s3;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.storage.InputStorage;
import io.bacalao.compute.storage.Mount;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.s3.S3Source;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Source type {@code s3PreSigned} ({@code {…s3 fields…, "PreSignedURL": "https://…"}}): one object fetched by its
 * pre-signed URL, without credentials, to {@code <inputDir>/data/<last segment of Key>} and mounted read-only at
 * {@code Target} like a single-key s3 input. The URL is never put in messages (its signature is a temporary
 * credential). At most {@code InputSources.Types.S3.MaxBytes}; a {@code ChecksumSHA256} is verified as for s3.
 */
@ApplicationScoped
public class S3PreSignedStorage implements InputStorage {
    @Inject
    ComputeSettings settings;
    private S3Limits limits;
    private HttpClient client;

    /** For CDI. */
    public S3PreSignedStorage() {
    }

    public S3PreSignedStorage(S3Limits limits) {
        this.limits = limits;
    }

    @Override
    public String type() {
        return S3Source.PRESIGNED_TYPE;
    }

    @Override
    public Optional<String> refusal(InputSource input) {
        String url = input.source().param(S3Source.PRESIGNED_URL);
        return url == null || url.isBlank()
                ? Optional.of("invalid s3 signed storage params: signed url cannot be empty") : Optional.empty();
    }

    @Override
    public Mount prepare(InputSource input, StorageContext context) throws StorageException {
        String url = input.source().param(S3Source.PRESIGNED_URL);
        String what = describe(input);
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new StorageException("failed to fetch " + what + ": the pre-signed URL is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new StorageException("failed to fetch " + what + ": the pre-signed URL must be http or https");
        }
        Path dir = context.inputDir().resolve("data");
        Path file = dir.resolve(name(input, uri));
        Path partial = dir.resolve(".download-" + UUID.randomUUID() + ".partial");
        long max = limits().maxBytes();
        try {
            Files.createDirectories(dir);
            HttpRequest.Builder get = HttpRequest.newBuilder(uri).GET();
            if (context.readTimeout() != null && context.readTimeout().isPositive()) get.timeout(context.readTimeout());
            HttpResponse<Path> r = client().send(get.build(), info -> {
                long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
                return info.statusCode() / 100 != 2 || declared > max ? HttpResponse.BodySubscribers.replacing(partial)
                        : HttpResponse.BodySubscribers.ofFile(partial);
            });
            if (r.statusCode() / 100 != 2) {
                String why = r.statusCode() == 403 ? " (access denied: the URL may have expired)"
                        : r.statusCode() == 404 ? " (no such object)" : "";
                throw new StorageException("failed to fetch " + what + ": HTTP " + r.statusCode() + why);
            }
            if (!Files.exists(partial) || Files.size(partial) > max) {
                throw new StorageException("failed to fetch " + what + ": larger than " + max + " bytes ("
                        + ConfigKeys.S3_INPUT_MAX_BYTES + ")");
            }
            String checksum = input.source().param("ChecksumSHA256");
            if (checksum != null && !checksum.isBlank()) Sha256.verify(partial, checksum, what);
            Files.move(partial, file);
            return new Mount(dir, input.target(), false);
        } catch (Sha256.Mismatch | IllegalArgumentException e) {
            throw new StorageException("failed to fetch s3 input: " + e.getMessage());
        } catch (IOException e) {
            throw new StorageException("failed to fetch " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("download of " + what + " was interrupted", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // removed with the execution directory
            }
        }
    }

    /** {@code s3://bucket/key} when the spec names them, else the URL without its query. */
    private static String describe(InputSource input) {
        String bucket = input.source().param("Bucket");
        String key = input.source().param("Key");
        if (bucket != null && !bucket.isBlank()) return "s3://" + bucket + "/" + (key == null ? "" : key);
        String url = String.valueOf(input.source().param(S3Source.PRESIGNED_URL));
        int q = url.indexOf('?');
        return "pre-signed URL " + (q < 0 ? url : url.substring(0, q));
    }

    private static String name(InputSource input, URI uri) {
        String key = input.source().param("Key");
        String source = key != null && !key.isBlank() ? key : uri.getPath() == null ? "" : uri.getPath();
        String last = source.substring(source.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return last.isEmpty() || last.chars().allMatch(c -> c == '.') ? "object" : last;
    }

    private synchronized S3Limits limits() {
        if (limits == null) limits = S3Limits.from(settings.config());
        return limits;
    }

    private synchronized HttpClient client() {
        if (client == null) client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return client;
    }

    @PreDestroy
    public synchronized void close() {
        if (client != null) client.close();
        client = null;
    }
}
