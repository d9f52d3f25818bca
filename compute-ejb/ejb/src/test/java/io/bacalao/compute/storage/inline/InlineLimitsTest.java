package io.bacalao.compute.storage.inline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalao.compute.storage.InputLimits;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.archive.UnpackLimits;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.SpecConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline inputs stop at InputSources.MaxInlineBytes, MaxUnpackedBytes and MaxUnpackedEntries, leaving nothing behind. */
class InlineLimitsTest {
    private static final InputLimits LIMITS = new InputLimits(0, 0, 10_000, new UnpackLimits(100_000, 20));

    @TempDir
    Path tmp;
    private final InlineStorage storage = new InlineStorage();

    @Test
    void aPayloadOverTheLimitIsRefused() {
        String url = "data:text/plain;base64," + Base64.getEncoder().encodeToString(new byte[10_001]);

        StorageException e = assertThrows(StorageException.class, () -> prepare(url));

        assertEquals("inline input for /in is too large: 10001 bytes, more than the 10000 allowed"
                + " (InputSources.MaxInlineBytes)", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("data")));
    }

    @Test
    void aGzipBombStopsAtTheUnpackedLimitAndLeavesNothing() throws IOException {
        String url = gzipUrl(archive(5, 50_000));

        StorageException e = assertThrows(StorageException.class, () -> prepare(url));

        assertEquals("inline input for /in is too large: archive unpacks to more than 100000 bytes (entry 'f2' alone is"
                + " 50000 bytes) (InputSources.MaxUnpackedBytes 100000, InputSources.MaxUnpackedEntries 20)", e.getMessage());
        assertEquals(List.of(), list());
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        StorageException e = assertThrows(StorageException.class, () -> prepare(gzipUrl(archive(21, 0))));

        assertEquals("inline input for /in is too large: archive has more than 20 entries"
                + " (InputSources.MaxUnpackedBytes 100000, InputSources.MaxUnpackedEntries 20)", e.getMessage());
        assertEquals(List.of(), list());
    }

    @Test
    void withinTheLimitsTheArchiveIsUnpacked() throws Exception {
        prepare(gzipUrl(archive(20, 5_000)));
        try (Stream<Path> s = Files.list(tmp.resolve("data"))) {
            assertEquals(20, s.count());
        }
    }

    private void prepare(String url) throws StorageException {
        storage.prepare(new InputSource(SpecConfig.of("inline", Map.of("URL", url)), "", "/in"),
                new StorageContext(tmp, 0, Duration.ofMinutes(1), List.of(), LIMITS));
    }

    private static String gzipUrl(byte[] archive) {
        return "data:application/gzip;base64," + Base64.getEncoder().encodeToString(archive);
    }

    /** {@code files} files of {@code size} zero bytes each: compresses to almost nothing. */
    private static byte[] archive(int files, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (int i = 0; i < files; i++) {
                TarArchiveEntry e = new TarArchiveEntry("f" + i);
                e.setSize(size);
                tar.putArchiveEntry(e);
                tar.write(new byte[size]);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.toList();
        }
    }
}
