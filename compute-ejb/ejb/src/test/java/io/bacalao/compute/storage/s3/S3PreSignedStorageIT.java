package io.bacalao.compute.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.storage.Mount;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.SpecConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** s3PreSigned inputs fetched by URLs that S3Proxy signed checks accept, without credentials on the node. */
class S3PreSignedStorageIT {
    @TempDir
    static Path dir;
    static S3ProxyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start(dir);
        server.put("bucket", "in/hello.txt", "hello\n");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static String sign(String key, String secret) {
        try (S3Presigner p = S3Presigner.builder().region(Region.US_EAST_1).endpointOverride(URI.create(server.endpoint()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY,
                        secret))).build()) {
            return p.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5)).getObjectRequest(g -> g.bucket("bucket")
                    .key(key))).url().toString();
        }
    }

    private static Mount fetch(String url, String checksum, Path into) throws StorageException {
        InputSource input = new InputSource(SpecConfig.of("s3PreSigned", Map.of("Bucket", "bucket", "Key", "in/hello.txt",
                "PreSignedURL", url, "ChecksumSHA256", checksum)), "", "/in");
        return new S3PreSignedStorage(S3Limits.DEFAULTS).prepare(input, new StorageContext(into, 0, Duration.ofMinutes(1),
                List.of()));
    }

    @Test
    void theObjectLandsUnderItsNameAndItsChecksumIsChecked(@TempDir Path into) throws Exception {
        Mount m = fetch(sign("in/hello.txt", S3ProxyServer.SECRET_KEY), Sha256Test.HEX, into);
        assertEquals("/in", m.target());
        assertEquals("hello\n", Files.readString(m.hostPath().resolve("hello.txt")));
        StorageException e = assertThrows(StorageException.class, () -> fetch(sign("in/hello.txt",
                S3ProxyServer.SECRET_KEY), "0".repeat(64), into.resolve("second")));
        assertTrue(e.getMessage().contains("checksum mismatch for s3://bucket/in/hello.txt"), e.getMessage());
    }

    @Test
    void aUrlTheServerRefusesFailsWithoutShowingTheSignature(@TempDir Path into) {
        String forged = sign("in/hello.txt", "not-the-secret");
        StorageException e = assertThrows(StorageException.class, () -> fetch(forged, "", into));
        assertEquals("failed to fetch s3://bucket/in/hello.txt: HTTP 403 (access denied: the URL may have expired)",
                e.getMessage());
        assertFalse(e.getMessage().contains("Signature"));
    }
}
