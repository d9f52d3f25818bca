package io.bacalao.compute.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.s3.S3Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The s3 input against a real S3 server (S3Proxy, its own process), with the node's credentials from its chain. */
class S3StorageIT {
    @TempDir
    static Path dir;
    static S3ProxyServer server;
    static S3Clients clients;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start(dir);
        // the node's default chain: system properties come first in it
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        clients = new S3Clients();
        server.put("bucket", "data/a.csv", "a\n");
        server.put("bucket", "data/b.txt", "b\n");
        server.put("bucket", "data/sub/c.csv", "c\n");
        server.put("bucket", "other/d.csv", "d\n");
        server.put("bucket", "hello.txt", "hello\n");
    }

    @AfterAll
    static void stop() {
        if (clients != null) clients.close();
        if (server != null) server.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static S3Source source(String key, String filter, String checksum) {
        return new S3Source("bucket", key, filter, "", server.endpoint(), "", checksum);
    }

    private static List<String> fetch(S3Source source, Path into) throws Exception {
        new S3Input(clients).fetch(source, into, new S3Limits(1 << 20, 100, 2), Duration.ofMinutes(1));
        return files(into);
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aPrefixBringsEveryObjectBelowItWithItsRelativePath(@TempDir Path into) throws Exception {
        assertEquals(List.of("a.csv", "b.txt", "sub/c.csv"), fetch(source("data/*", "", ""), into));
        assertEquals("c\n", Files.readString(into.resolve("sub/c.csv")));
    }

    @Test
    void aGlobAndAFilterNarrowTheObjects(@TempDir Path glob, @TempDir Path filtered) throws Exception {
        assertEquals(List.of("a.csv"), fetch(source("data/*.csv", "", ""), glob));
        assertEquals(List.of("a.csv", "sub/c.csv"), fetch(source("data/", "\\.csv$", ""), filtered));
    }

    @Test
    void oneObjectWithItsChecksumLandsUnderItsName(@TempDir Path into) throws Exception {
        assertEquals(List.of("hello.txt"), fetch(source("hello.txt", "", Sha256Test.BASE64), into));
    }

    @Test
    void aChecksumMismatchFailsTheInputAndLeavesNoFile(@TempDir Path into) throws Exception {
        String other = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        StorageException e = assertThrows(StorageException.class, () -> fetch(source("hello.txt", "", other), into));
        assertTrue(e.getMessage().startsWith("failed to fetch s3 input: checksum mismatch for s3://bucket/hello.txt,"
                + " expected " + other + ", got " + Sha256Test.BASE64), e.getMessage());
    }

    @Test
    void aMissingKeyOrBucketIsNamed(@TempDir Path into) {
        StorageException key = assertThrows(StorageException.class, () -> fetch(source("nope.txt", "", ""), into));
        assertTrue(key.getMessage().startsWith("failed to fetch s3 input: s3://bucket/nope.txt does not exist"),
                key.getMessage());
        S3Source noBucket = new S3Source("no-such-bucket", "data/", "", "", server.endpoint(), "", "");
        StorageException bucket = assertThrows(StorageException.class, () -> fetch(noBucket, into));
        assertEquals("failed to fetch s3 input: bucket no-such-bucket does not exist (NoSuchBucket, HTTP 404)",
                bucket.getMessage());
    }

    @Test
    void wrongCredentialsAreAccessDenied(@TempDir Path into) {
        try (S3Clients wrong = new S3Clients(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDWRONG", "wrong-secret")))) {
            StorageException e = assertThrows(StorageException.class, () -> new S3Input(wrong).fetch(
                    source("data/", "", ""), into, S3Limits.DEFAULTS, Duration.ofMinutes(1)));
            assertTrue(e.getMessage().startsWith("failed to fetch s3 input: access denied to s3://bucket/data/ ("),
                    e.getMessage());
            assertFalse(e.getMessage().contains("wrong-secret"), e.getMessage());
        }
    }

    @Test
    void moreObjectsOrBytesThanTheCeilingsFailBeforeDownloading(@TempDir Path into) {
        StorageException count = assertThrows(StorageException.class, () -> new S3Input(clients).fetch(
                source("data/", "", ""), into, new S3Limits(1 << 20, 2, 2), null));
        assertEquals("failed to fetch s3 input: s3://bucket/data/ selects more than 2 objects"
                + " (InputSources.Types.S3.MaxObjects)", count.getMessage());
        StorageException bytes = assertThrows(StorageException.class, () -> new S3Input(clients).fetch(
                source("data/", "", ""), into, new S3Limits(5, 100, 2), null));
        assertEquals("failed to fetch s3 input: s3://bucket/data/ is too large: more than 5 bytes"
                + " (InputSources.Types.S3.MaxBytes)", bytes.getMessage());
        assertFalse(Files.exists(into.resolve("a.csv")));
    }
}
