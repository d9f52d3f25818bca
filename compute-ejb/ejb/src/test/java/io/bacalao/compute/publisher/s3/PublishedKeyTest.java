package io.bacalao.compute.publisher.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalao.domain.model.SpecConfig;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedKeyTest {
    static final Instant NOW = Instant.parse("2026-12-02T09:05:07Z");

    @Test
    void everyPlaceholderIsReplacedAndAnArchiveEndsInTarGz() {
        assertEquals("out/j-1/e-2/n-3/20261202/090507.tar.gz", PublishedKey.expand(
                "out/{jobID}/{executionID}/{nodeID}/{date}/{time}", true, "j-1", "e-2", "n-3", NOW));
        assertEquals("r/j-1.tar.gz", PublishedKey.expand("r/{jobID}.tar.gz", true, "j-1", "e", "n", NOW));
    }

    @Test
    void aPlainUploadIsAFolder() {
        assertEquals("out/j-1/", PublishedKey.expand("out/{jobID}", false, "j-1", "e", "n", NOW));
        assertEquals("out/", PublishedKey.expand("out/", false, "j-1", "e", "n", NOW));
    }

    @Test
    void theSpecNeedsBucketKeyAndAKnownEncoding() {
        assertEquals("invalid s3 params. bucket cannot be empty", assertThrows(IllegalArgumentException.class,
                () -> S3PublisherSpec.from(SpecConfig.of("s3", Map.of("Key", "k")))).getMessage());
        assertEquals("invalid s3 params. key cannot be empty", assertThrows(IllegalArgumentException.class,
                () -> S3PublisherSpec.from(SpecConfig.of("s3", Map.of("Bucket", "b")))).getMessage());
        assertEquals("invalid s3 params. encoding must be either 'plain' or 'gzip'", assertThrows(
                IllegalArgumentException.class, () -> S3PublisherSpec.from(SpecConfig.of("s3",
                        Map.of("Bucket", "b", "Key", "k", "Encoding", "zip")))).getMessage());
        assertEquals(new S3PublisherSpec("b", "k", "", "", true),
                S3PublisherSpec.from(SpecConfig.of("s3", Map.of("Bucket", "b", "Key", "k", "Encoding", "PLAIN"))));
    }
}
