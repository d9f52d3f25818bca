package io.bacalao.domain.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking stops at the byte and entry ceilings, and refuses devices, pipes and oversized metadata. */
class TarGzLimitsTest {
    private static final long MB = 1_000_000;

    @TempDir
    Path tmp;
    private Path dest;

    @BeforeEach
    void destination() throws IOException {
        dest = Files.createDirectories(tmp.resolve("dest"));
    }

    private void unpack(byte[] archive, UnpackLimits limits) throws IOException {
        TarGz.unpack(new ByteArrayInputStream(archive), dest, limits);
    }

    @Test
    void aGzipBombStopsAtTheByteLimit() throws IOException {
        RawTar bomb = new RawTar();
        for (int i = 0; i < 20; i++) bomb.file("zeros-" + i, MB);
        byte[] archive = bomb.finish();
        assertTrue(archive.length < 100_000, "compressed " + archive.length);

        ArchiveTooLargeException e = assertThrows(ArchiveTooLargeException.class,
                () -> unpack(archive, new UnpackLimits(5 * MB, 1000)));

        assertEquals("archive unpacks to more than 5000000 bytes (entry 'zeros-5' alone is 1000000 bytes)", e.getMessage());
        assertTrue(writtenBytes() <= 5 * MB, "written " + writtenBytes());
    }

    @Test
    void anEntryDeclaringMoreThanTheLimitIsRefusedBeforeAnythingIsWritten() throws IOException {
        byte[] archive = new RawTar().entry("huge", '0', 8L * 1024 * 1024 * 1024 - 1, 0, (byte) 0).finish();

        assertThrows(ArchiveTooLargeException.class, () -> unpack(archive, new UnpackLimits(MB, 10)));

        assertEquals(List.of(), list());
    }

    @Test
    void theEntryCountIsLimited() throws IOException {
        RawTar many = new RawTar();
        for (int i = 0; i < 50; i++) many.file("f" + i, 0);

        ArchiveTooLargeException e = assertThrows(ArchiveTooLargeException.class,
                () -> unpack(many.finish(), new UnpackLimits(MB, 10)));

        assertEquals("archive has more than 10 entries", e.getMessage());
        assertEquals(10, list().size());
    }

    @Test
    void withinTheLimitsEverythingIsUnpacked() throws IOException {
        unpack(new RawTar().entry("d/", '5', 0, 0, (byte) 0).file("d/a", 1000).file("b", 1000).finish(),
                new UnpackLimits(2000, 3));
        assertEquals(2000, writtenBytes());
    }

    @Test
    void devicesAndPipesAreRefused() throws IOException {
        for (char type : new char[] {'3', '4', '6'}) {
            UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                    () -> unpack(new RawTar().entry("dev", type, 0, 0, (byte) 0).finish(), UnpackLimits.NONE));
            assertEquals("archive entry 'dev' is a device or a pipe; only files and directories are allowed", e.getMessage());
        }
        assertEquals(List.of(), list());
    }

    @Test
    void aHugeLongNameIsRefusedBeforeItIsReadIntoMemory() throws IOException {
        byte[] archive = new RawTar().entry("././@LongLink", 'L', 200 * MB, 200 * MB, (byte) 'a').file("x", 1).finish();

        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> unpack(archive, UnpackLimits.NONE));

        assertEquals("archive has a 200000000-byte name or extended header; at most 65536 bytes are allowed", e.getMessage());
    }

    @Test
    void aHugePaxHeaderIsRefused() throws IOException {
        byte[] archive = new RawTar().entry("pax", 'x', 100 * MB, 100 * MB, (byte) '1').file("x", 1).finish();

        assertThrows(UnsafeArchiveException.class, () -> unpack(archive, UnpackLimits.NONE));
    }

    @Test
    void negativeLimitsAreAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new UnpackLimits(-1, 1));
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(dest)) {
            return s.toList();
        }
    }

    private long writtenBytes() throws IOException {
        try (Stream<Path> s = Files.walk(dest)) {
            long total = 0;
            for (Path p : s.filter(Files::isRegularFile).toList()) total += Files.size(p);
            return total;
        }
    }
}
