package io.bacalao.compute.publisher.s3;

import io.bacalao.compute.publisher.PublishException;
import io.bacalao.compute.storage.s3.S3Clients;
import io.bacalao.compute.storage.s3.S3Failures;
import io.bacalao.domain.archive.TarGz;
import io.bacalao.domain.s3.S3Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The s3 publisher's work, with the SDK (loaded only when a job publishes to S3): {@code gzip} packs the results
 * folder into one tar.gz (Bacalhau's layout, reference §5.8) streamed straight into the upload, its parts sent in
 * parallel while packing goes on ({@link S3ObjectStream}), and hashed on the way; {@code plain} puts every file
 * under the key prefix. The result is an {@code s3} spec as Bacalhau writes it, with the archive's SHA-256
 * (base64) as {@code ChecksumSHA256} so that downloads can be checked.
 */
public final class S3ResultUpload {
    /** S3 refuses parts under 5 MiB (but the last). */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** S3's largest part. */
    static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;

    private final S3Clients clients;
    private final int partSize;
    private final int parallelism;

    /** {@code partSize} is raised to S3's 5 MiB minimum and kept below 2 GiB (one part is one array). */
    public S3ResultUpload(S3Clients clients, long partSize, int parallelism) {
        this.clients = clients;
        this.partSize = (int) Math.min(Integer.MAX_VALUE - 8, Math.min(MAX_PART_SIZE, Math.max(MIN_PART_SIZE, partSize)));
        this.parallelism = Math.max(1, parallelism);
    }

    public S3Source publish(S3PublisherSpec spec, String key, Path resultsDir) throws PublishException {
        S3Client s3 = clients.client(spec.endpoint(), spec.region());
        S3Source result = new S3Source(spec.bucket(), key, "", spec.region(), spec.endpoint(), "", "");
        try {
            if (spec.plain()) {
                for (Path file : files(resultsDir)) {
                    String rel = resultsDir.relativize(file).toString().replace('\\', '/');
                    S3ObjectStream object = open(s3, spec.bucket(), key + rel, Files.size(file));
                    try (object) {
                        Files.copy(file, object);
                        object.complete();
                    } finally {
                        object.abort();
                    }
                }
                return result;
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            S3ObjectStream object = open(s3, spec.bucket(), key, partSize);
            try {
                TarGz.pack(resultsDir, new DigestOutputStream(object, sha));
                String version = object.complete();
                return result.withChecksum(Base64.getEncoder().encodeToString(sha.digest()), version);
            } finally {
                object.abort();
            }
        } catch (SdkException e) {
            throw new PublishException(S3Failures.describe("failed to publish s3 result", "s3://" + spec.bucket() + "/" + key, e), e);
        } catch (IOException e) {
            throw new PublishException("failed to publish s3 result: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private S3ObjectStream open(S3Client s3, String bucket, String key, long sizeHint) {
        return new S3ObjectStream(s3, bucket, key, partSize, parallelism, sizeHint);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
