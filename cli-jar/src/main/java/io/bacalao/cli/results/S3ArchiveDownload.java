package io.bacalao.cli.results;

import io.bacalao.cli.CliException;
import io.bacalao.domain.s3.S3Source;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Downloads an {@code s3} archive result straight from S3 with the user's own AWS credentials (the SDK's default
 * chain: environment, profile files, …), for orchestrators that return results unsigned
 * ({@code Publishers.Types.S3.PreSignedURLDisabled}). An {@code Endpoint} is addressed path-style; without a
 * {@code Region} the chain's, else {@code us-east-1}. A {@code ChecksumSHA256} in the result is verified. The SDK
 * loads only when such a result is downloaded.
 */
final class S3ArchiveDownload {
    private S3ArchiveDownload() {
    }

    static void fetch(S3Source s, Path file, Duration timeout) throws IOException {
        var b = S3Client.builder().region(region(s.region())).credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(o -> o.apiCallTimeout(timeout));
        if (!s.endpoint().isEmpty()) b.endpointOverride(URI.create(s.endpoint())).forcePathStyle(true);
        Files.deleteIfExists(file);
        try (S3Client s3 = b.build()) {
            s3.getObject(g -> {
                g.bucket(s.bucket()).key(s.key());
                if (!s.versionId().isEmpty()) g.versionId(s.versionId());
            }, ResponseTransformer.toFile(file));
        } catch (S3Exception e) {
            Files.deleteIfExists(file);
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new CliException("failed to download result " + s.uri() + ": "
                    + (code == null || code.isEmpty() ? "" : code + ", ") + "HTTP " + e.statusCode());
        } catch (SdkException e) {
            Files.deleteIfExists(file);
            throw new CliException("failed to download result " + s.uri() + ": " + e.getMessage());
        }
        verify(s, file);
    }

    private static void verify(S3Source s, Path file) throws IOException {
        if (s.checksumSha256().isEmpty()) return;
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        String got = Base64.getEncoder().encodeToString(sha.digest());
        if (!got.equals(s.checksumSha256())) {
            Files.deleteIfExists(file);
            throw new CliException("checksum mismatch for " + s.uri() + ", expected " + s.checksumSha256() + ", got " + got);
        }
    }

    private static Region region(String region) {
        if (!region.isEmpty()) return Region.of(region);
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return Region.US_EAST_1;
        }
    }
}
