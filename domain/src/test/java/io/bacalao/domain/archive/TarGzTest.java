package io.bacalao.domain.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {
    @TempDir
    Path tmp;
    private Path dest;

    @BeforeEach
    void destinationTwoLevelsDown() throws IOException {
        dest = Files.createDirectories(tmp.resolve("a/b/dest"));
    }

    @Test
    void aTreeSurvivesARoundTrip() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("stdout"), "hello\n");
        Files.write(src.resolve("empty"), new byte[0]);
        Files.createDirectories(src.resolve("outputs/deep/er"));
        Files.createDirectories(src.resolve("outputs/nothing-here"));
        byte[] binary = new byte[70_000];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 31);
        Files.write(src.resolve("outputs/deep/er/blob.bin"), binary);

        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        TarGz.pack(src, archive);
        TarGz.unpack(new ByteArrayInputStream(archive.toByteArray()), dest);

        assertEquals(tree(src), tree(dest));
        assertArrayEquals(binary, Files.readAllBytes(dest.resolve("outputs/deep/er/blob.bin")));
        assertTrue(Files.isDirectory(dest.resolve("outputs/nothing-here")));
    }

    @Test
    void packToWritesTheArchiveFileAndNoPartialOne() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("exitCode"), "0");
        Path archive = tmp.resolve("out/results.tar.gz");

        TarGz.packTo(src, archive);

        assertEquals(List.of(archive), list(tmp.resolve("out")));
        try (var in = Files.newInputStream(archive)) {
            TarGz.unpack(in, dest);
        }
        assertEquals("0", Files.readString(dest.resolve("exitCode")));
    }

    @Test
    void anEntryClimbingOutWithDotDotIsRefused() throws IOException {
        byte[] archive = archive(file("fine.txt", "ok"), file("../../evil", "pwned"));

        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                () -> TarGz.unpack(new ByteArrayInputStream(archive), dest));

        assertTrue(e.getMessage().contains("'../../evil' escapes the destination"), e.getMessage());
        assertNothingOutsideDest();
    }

    @Test
    void aDotDotHiddenInsideAPathIsRefused() throws IOException {
        byte[] archive = archive(file("sub/../../../evil", "pwned"));

        assertThrows(UnsafeArchiveException.class, () -> TarGz.unpack(new ByteArrayInputStream(archive), dest));
        assertNothingOutsideDest();
    }

    @Test
    void anAbsoluteEntryIsRefused() throws IOException {
        Path evil = tmp.resolve("abs-evil");
        TarArchiveEntry entry = new TarArchiveEntry(evil.toString(), true);
        byte[] archive = archive(new Content(entry, "pwned"));

        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                () -> TarGz.unpack(new ByteArrayInputStream(archive), dest));

        assertTrue(e.getMessage().contains("absolute path"), e.getMessage());
        assertFalse(Files.exists(evil));
        assertNothingOutsideDest();
    }

    @Test
    void symbolicLinksAreRefusedAndNeverCreated() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("escape", TarConstants.LF_SYMLINK);
        link.setLinkName(tmp.toString());
        byte[] archive = archive(new Content(link, null), file("escape/evil", "pwned"));

        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                () -> TarGz.unpack(new ByteArrayInputStream(archive), dest));

        assertTrue(e.getMessage().contains("is a link"), e.getMessage());
        assertFalse(Files.exists(dest.resolve("escape"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertNothingOutsideDest();
    }

    @Test
    void hardLinksAreRefused() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("passwd", TarConstants.LF_LINK);
        link.setLinkName("/etc/passwd");
        byte[] archive = archive(new Content(link, null));

        assertThrows(UnsafeArchiveException.class, () -> TarGz.unpack(new ByteArrayInputStream(archive), dest));
        assertEquals(List.of(), list(dest));
    }

    @Test
    void anExistingLinkInTheDestinationIsNotWrittenThrough() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(dest.resolve("sneaky"), outside);
        byte[] archive = archive(file("sneaky/evil", "pwned"));

        assertThrows(UnsafeArchiveException.class, () -> TarGz.unpack(new ByteArrayInputStream(archive), dest));
        assertEquals(List.of(), list(outside));
    }

    @Test
    void notAGzipStreamIsAnIoError() {
        byte[] garbage = "not an archive".getBytes(StandardCharsets.UTF_8);

        IOException e = assertThrows(IOException.class, () -> TarGz.unpack(new ByteArrayInputStream(garbage), dest));
        assertFalse(e instanceof UnsafeArchiveException);
    }

    /** The only things under tmp are the destination's parents and what the destination holds. */
    private void assertNothingOutsideDest() throws IOException {
        try (Stream<Path> all = Files.walk(tmp)) {
            List<Path> outside = all.filter(p -> !p.startsWith(dest) && !dest.startsWith(p)).toList();
            assertEquals(List.of(), outside);
        }
    }

    private record Content(TarArchiveEntry entry, String text) {
    }

    private static Content file(String name, String text) {
        return new Content(new TarArchiveEntry(name), text);
    }

    private static byte[] archive(Content... contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (Content c : contents) {
                byte[] data = c.text == null ? new byte[0] : c.text.getBytes(StandardCharsets.UTF_8);
                if (c.text != null) c.entry.setSize(data.length);
                tar.putArchiveEntry(c.entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    /** Relative path -> file content (directories map to "/"). */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String rel = root.relativize(p).toString();
                m.put(rel, Files.isDirectory(p) ? "/" : Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(p))));
            }
        }
        return m;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
