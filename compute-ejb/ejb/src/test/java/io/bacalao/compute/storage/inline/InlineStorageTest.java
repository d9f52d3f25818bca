package io.bacalao.compute.storage.inline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.storage.Mount;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.archive.TarGz;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.SpecConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InlineStorageTest {
    @TempDir
    Path tmp;
    private Path inputDir;
    private final InlineStorage storage = new InlineStorage();

    @BeforeEach
    void inputDirectory() {
        inputDir = tmp.resolve("exec/inputs/0");
    }

    @Test
    void plainTextBecomesAReadOnlyFileAtTarget() throws Exception {
        Mount mount = storage.prepare(input("data:text/plain,hello", "/inputs/greeting.txt"), context());

        assertEquals(new Mount(inputDir.resolve("data"), "/inputs/greeting.txt", false), mount);
        assertTrue(Files.isRegularFile(mount.hostPath()));
        assertEquals("hello", Files.readString(mount.hostPath()));
    }

    @Test
    void percentEncodedDataIsDecodedButPlusStaysAPlus() throws Exception {
        Mount mount = storage.prepare(input("data:,a%20b%2Fc+d%0A%C3%A9", "/in.txt"), context());

        assertEquals("a b/c+d\né", Files.readString(mount.hostPath()));
    }

    @Test
    void base64DataKeepsEveryByte() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) all[i] = (byte) i;
        String url = "data:application/octet-stream;base64," + Base64.getEncoder().encodeToString(all);

        Mount mount = storage.prepare(input(url, "/bytes.bin"), context());

        assertArrayEquals(all, Files.readAllBytes(mount.hostPath()));
    }

    @Test
    void urlSafeAndUnpaddedBase64IsAcceptedToo() throws Exception {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, 0x01};
        String url = "data:;base64," + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertArrayEquals(bytes, Files.readAllBytes(storage.prepare(input(url, "/b"), context()).hostPath()));
    }

    @Test
    void aGzipTarBecomesADirectoryAtTarget() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("upload"));
        Files.writeString(src.resolve("main.py"), "print(1)\n");
        Files.createDirectories(src.resolve("lib"));
        Files.writeString(src.resolve("lib/util.py"), "X = 1\n");
        String url = "data:application/gzip;base64," + Base64.getEncoder().encodeToString(tarGz(src));

        Mount mount = storage.prepare(input(url, "/code"), context());

        assertEquals(new Mount(inputDir.resolve("data"), "/code", false), mount);
        assertTrue(Files.isDirectory(mount.hostPath()));
        assertEquals("print(1)\n", Files.readString(mount.hostPath().resolve("main.py")));
        assertEquals("X = 1\n", Files.readString(mount.hostPath().resolve("lib/util.py")));
    }

    @Test
    void theOtherGzipMediaTypesAreUnpackedToo() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("upload"));
        Files.writeString(src.resolve("a.txt"), "a");
        String payload = Base64.getEncoder().encodeToString(tarGz(src));
        for (String type : List.of("application/x-gzip", "Application/X-Tar+Gzip")) {
            Path dir = tmp.resolve(type.replace('/', '_'));
            Mount mount = storage.prepare(input("data:" + type + ";base64," + payload, "/d"),
                    new StorageContext(dir, 0, Duration.ZERO, List.of()));
            assertEquals("a", Files.readString(mount.hostPath().resolve("a.txt")), type);
        }
    }

    @Test
    void anArchiveClimbingOutOfItsDirectoryIsRefusedAndLeavesNothing() throws Exception {
        String url = "data:application/gzip;base64," + Base64.getEncoder().encodeToString(evilTarGz());

        StorageException e = assertThrows(StorageException.class, () -> storage.prepare(input(url, "/inputs/x"), context()));

        assertTrue(e.getMessage().startsWith("inline input for /inputs/x is an unsafe archive: "), e.getMessage());
        assertTrue(e.getMessage().contains("../../evil"), e.getMessage());
        assertFalse(Files.exists(inputDir.resolve("data")));
        try (Stream<Path> all = Files.walk(tmp)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().contains("evil")).toList());
        }
    }

    @Test
    void aGzipMediaTypeWithoutAnArchiveIsRefused() {
        String url = "data:application/gzip;base64," + Base64.getEncoder().encodeToString("nope".getBytes(StandardCharsets.UTF_8));

        StorageException e = assertThrows(StorageException.class, () -> storage.prepare(input(url, "/x"), context()));

        assertTrue(e.getMessage().startsWith("inline input for /x is not a readable tar.gz archive: "), e.getMessage());
        assertFalse(Files.exists(inputDir.resolve("data")));
    }

    @Test
    void malformedDataUrlsAreRefusedWithTheReason() {
        Map<String, String> reasons = Map.of(
                "https://example.com/x", "it does not start with \"data:\"",
                "data:text/plain", "it has no ',' before the data",
                "data:;base64,@@@@", "its base64 data is invalid",
                "data:,100%", "bad percent-encoding at data offset 3",
                "data:,%zz", "bad percent-encoding at data offset 0",
                "data:plain,x", "\"plain\" is not a media type");
        reasons.forEach((url, reason) -> {
            StorageException e = assertThrows(StorageException.class, () -> storage.prepare(input(url, "/x"), context()));
            assertTrue(e.getMessage().startsWith("inline input for /x is not a valid data URL: " + reason), e.getMessage());
        });
        StorageException noUrl = assertThrows(StorageException.class,
                () -> storage.prepare(new InputSource(SpecConfig.of("inline"), "", "/x"), context()));
        assertTrue(noUrl.getMessage().startsWith("inline input for /x is not a valid data URL"), noUrl.getMessage());
        assertFalse(Files.exists(inputDir.resolve("data")));
    }

    private StorageContext context() {
        return new StorageContext(inputDir, 3, Duration.ofMinutes(5), List.of());
    }

    private static InputSource input(String url, String target) {
        return new InputSource(SpecConfig.of("inline", Map.of("URL", url)), "", target);
    }

    private static byte[] tarGz(Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarGz.pack(dir, out);
        return out.toByteArray();
    }

    private static byte[] evilTarGz() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (String name : List.of("innocent.txt", "../../evil")) {
                byte[] data = "pwned".getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }
}
