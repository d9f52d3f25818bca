package io.bacalao.compute.publisher.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.publisher.PublishException;
import io.bacalao.compute.storage.s3.S3Clients;
import io.bacalao.compute.storage.s3.S3ProxyServer;
import io.bacalao.compute.storage.s3.Sha256;
import io.bacalao.domain.archive.TarGz;
import io.bacalao.domain.s3.S3Source;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The s3 publisher's uploads against a real S3 server (S3Proxy): one archive, a plain folder, multipart. */
class S3ResultUploadIT {
    static final long PART = 5L * 1024 * 1024;
    @TempDir
    static Path dir;
    static S3ProxyServer server;
    static S3Clients clients;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start(dir);
        server.bucketDir("results");
        clients = new S3Clients(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)));
    }

    @AfterAll
    static void stop() {
        if (clients != null) clients.close();
        if (server != null) server.close();
    }

    private static Path results(Path root, int bigBytes) throws Exception {
        Path r = Files.createDirectories(root.resolve("results"));
        Files.writeString(r.resolve("stdout"), "hi\n");
        Files.writeString(r.resolve("exitCode"), "0");
        Files.createDirectories(r.resolve("outputs"));
        byte[] big = new byte[bigBytes];
        new Random(7).nextBytes(big);
        Files.write(r.resolve("outputs/big.bin"), big);
        return r;
    }

    private static S3PublisherSpec spec(boolean plain) {
        return new S3PublisherSpec("results", "ignored", server.endpoint(), "", plain);
    }

    @Test
    void theArchiveIsOneObjectWhoseChecksumIsReported(@TempDir Path root) throws Exception {
        Path r = results(root, 1000);
        S3Source out = new S3ResultUpload(clients, PART, 2).publish(spec(false), "out/j-1.tar.gz", r);
        Path stored = dir.resolve("store/results/out/j-1.tar.gz");
        assertEquals(new S3Source("results", "out/j-1.tar.gz", "", "", server.endpoint(), "",
                Base64.getEncoder().encodeToString(Sha256.of(stored))), out);
        Path unpacked = root.resolve("unpacked");
        try (InputStream in = Files.newInputStream(stored)) {
            TarGz.unpack(in, unpacked);
        }
        assertEquals("hi\n", Files.readString(unpacked.resolve("stdout")));
        assertArrayEquals(Files.readAllBytes(r.resolve("outputs/big.bin")), Files.readAllBytes(unpacked.resolve("outputs/big.bin")));
    }

    @Test
    void aLargeArchiveGoesUpInPartsAndArrivesWhole(@TempDir Path root) throws Exception {
        Path r = results(root, (int) (2 * PART + 12345));
        new S3ResultUpload(clients, PART, 2).publish(spec(false), "out/big.tar.gz", r);
        Path unpacked = root.resolve("unpacked");
        try (InputStream in = Files.newInputStream(dir.resolve("store/results/out/big.tar.gz"))) {
            TarGz.unpack(in, unpacked);
        }
        assertArrayEquals(Files.readAllBytes(r.resolve("outputs/big.bin")), Files.readAllBytes(unpacked.resolve("outputs/big.bin")));
    }

    @Test
    void partsGoUpInParallelAndAnAbortedUploadLeavesNoObject() throws Exception {
        S3ObjectStream out = new S3ObjectStream(clients.client(server.endpoint(), ""), "results", "out/aborted.bin",
                (int) PART, 3, PART);
        out.write(new byte[(int) (3 * PART + 10)]);
        out.close();
        out.abort();
        assertFalse(Files.exists(dir.resolve("store/results/out/aborted.bin")), "nothing published");
        S3ObjectStream small = new S3ObjectStream(clients.client(server.endpoint(), ""), "results", "out/small.bin",
                (int) PART, 3, 1);
        small.write("tiny".getBytes());
        assertEquals("", small.complete(), "an unversioned bucket has no version");
        assertEquals("tiny", Files.readString(dir.resolve("store/results/out/small.bin")), "one PUT below a part");
    }

    @Test
    void plainPutsEveryFileUnderThePrefix(@TempDir Path root) throws Exception {
        Path r = results(root, 10);
        S3Source out = new S3ResultUpload(clients, PART, 2).publish(spec(true), "plain/e-1/", r);
        assertEquals("plain/e-1/", out.key());
        assertEquals("hi\n", Files.readString(dir.resolve("store/results/plain/e-1/stdout")));
        assertTrue(Files.isRegularFile(dir.resolve("store/results/plain/e-1/outputs/big.bin")));
    }

    @Test
    void aMissingBucketFailsThePublishWithItsName(@TempDir Path root) throws Exception {
        Path r = results(root, 10);
        PublishException e = assertThrows(PublishException.class, () -> new S3ResultUpload(clients, PART, 2).publish(
                new S3PublisherSpec("nobucket", "k", server.endpoint(), "", false), "k.tar.gz", r));
        assertEquals("failed to publish s3 result: bucket nobucket does not exist (NoSuchBucket, HTTP 404)", e.getMessage());
    }
}
