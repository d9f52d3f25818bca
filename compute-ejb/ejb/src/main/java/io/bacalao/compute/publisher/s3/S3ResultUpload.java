package io.bacalao.compute.publisher.s3;

import io.bacalao.compute.publisher.PublishException;
import io.bacalao.compute.storage.s3.S3Clients;
import io.bacalao.compute.storage.s3.Sha256;
import io.bacalao.domain.archive.TarGz;
import io.bacalao.domain.s3.S3Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The s3 publisher's work, with the SDK (loaded only when a job publishes to S3): {@code gzip} packs the results
 * folder into one tar.gz (Bacalhau's layout, reference §5.8) in {@code scratch} and uploads it; {@code plain} puts
 * every file under the key prefix. The result is an {@code s3} spec as Bacalhau writes it, with the archive's
 * SHA-256 (base64) as {@code ChecksumSHA256} so that downloads can be checked.
 */
public final class S3ResultUpload {
    private final S3Clients clients;
    private final long partSize;

    public S3ResultUpload(S3Clients clients, long partSize) {
        this.clients = clients;
        this.partSize = partSize;
    }

    public S3Source publish(S3PublisherSpec spec, String key, Path resultsDir, Path scratch) throws PublishException {
        S3Client s3 = clients.client(spec.endpoint(), spec.region());
        S3Source result = new S3Source(spec.bucket(), key, "", spec.region(), spec.endpoint(), "", "");
        try {
            if (spec.plain()) {
                for (Path file : files(resultsDir)) {
                    String rel = resultsDir.relativize(file).toString().replace('\\', '/');
                    S3Upload.put(s3, spec.bucket(), key + rel, file, partSize);
                }
                return result;
            }
            Files.createDirectories(scratch);
            Path archive = Files.createTempFile(scratch, "results-", ".tar.gz");
            try {
                TarGz.packTo(resultsDir, archive);
                String checksum = Base64.getEncoder().encodeToString(Sha256.of(archive));
                String version = S3Upload.put(s3, spec.bucket(), key, archive, partSize);
                return result.withChecksum(checksum, version);
            } finally {
                Files.deleteIfExists(archive);
            }
        } catch (SdkException e) {
            throw new PublishException(io.bacalao.compute.storage.s3.S3Failures.describe("failed to publish s3 result",
                    "s3://" + spec.bucket() + "/" + key, e), e);
        } catch (IOException e) {
            throw new PublishException("failed to publish s3 result: " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
