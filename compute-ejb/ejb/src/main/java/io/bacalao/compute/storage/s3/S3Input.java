package io.bacalao.compute.storage.s3;

import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.s3.S3Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * Brings the objects of one s3 input into a folder: lists them ({@link S3Listing}), then downloads at most
 * {@code parallelism} at once, each to a hidden partial file renamed into place when complete, so a failed input
 * leaves no half-written object. The first failure cancels the other downloads and fails the input. Each request
 * is limited by {@code timeout} (null or non-positive: none). The only class of the storage that touches the SDK,
 * loaded when the first s3 job comes.
 */
final class S3Input {
    private final S3Clients clients;

    S3Input(S3Clients clients) {
        this.clients = clients;
    }

    void fetch(S3Source source, Path dir, S3Limits limits, Duration timeout) throws StorageException {
        S3Client s3 = clients.client(source.endpoint(), source.region());
        List<S3Object> objects;
        try {
            objects = S3Listing.expand(s3, source, limits.maxObjects(), limits.maxBytes());
        } catch (S3Listing.Refused e) {
            throw new StorageException("failed to fetch s3 input: " + e.getMessage());
        } catch (SdkException e) {
            throw new StorageException(S3Failures.describe("failed to fetch s3 input", source.uri(), e), e);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageException("failed to fetch s3 input: cannot create " + dir + ": " + e.getMessage(), e);
        }
        download(s3, source, objects, dir, limits.parallelism(), timeout);
        if (!source.checksumSha256().isEmpty() && objects.size() == 1) {
            try {
                Sha256.verify(dir.resolve(objects.get(0).relativePath()), source.checksumSha256(),
                        "s3://" + source.bucket() + "/" + objects.get(0).key());
            } catch (IllegalArgumentException | Sha256.Mismatch e) {
                throw new StorageException("failed to fetch s3 input: " + e.getMessage());
            } catch (IOException e) {
                throw new StorageException("failed to fetch s3 input: " + e.getMessage(), e);
            }
        }
    }

    private static void download(S3Client s3, S3Source source, List<S3Object> objects, Path dir, int parallelism,
            Duration timeout) throws StorageException {
        Semaphore slots = new Semaphore(parallelism);
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (S3Object o : objects) {
                running.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        one(s3, source, o, dir, timeout);
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    running.forEach(r -> r.cancel(true));
                    Throwable c = e.getCause();
                    if (c instanceof SdkException sdk) {
                        throw new StorageException(S3Failures.describe("failed to fetch s3 input",
                                "s3://" + source.bucket() + "/" + keyOf(objects, running.indexOf(f)), sdk), sdk);
                    }
                    throw new StorageException("failed to fetch s3 input " + source.uri() + ": " + c, c);
                } catch (InterruptedException e) {
                    running.forEach(r -> r.cancel(true));
                    Thread.currentThread().interrupt();
                    throw new StorageException("download of " + source.uri() + " was interrupted", e);
                }
            }
        }
    }

    private static String keyOf(List<S3Object> objects, int i) {
        return i < 0 ? "" : objects.get(i).key();
    }

    private static void one(S3Client s3, S3Source source, S3Object o, Path dir, Duration timeout) throws IOException {
        Path target = dir.resolve(o.relativePath());
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(".s3-" + UUID.randomUUID() + ".partial");
        GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(source.bucket()).key(o.key());
        if (o.versionId() != null) get.versionId(o.versionId());
        if (o.eTag() != null && !o.eTag().isEmpty()) get.ifMatch(o.eTag());
        if (timeout != null && timeout.isPositive()) get.overrideConfiguration(c -> c.apiCallTimeout(timeout));
        try {
            s3.getObject(get.build(), ResponseTransformer.toFile(partial));
            Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
