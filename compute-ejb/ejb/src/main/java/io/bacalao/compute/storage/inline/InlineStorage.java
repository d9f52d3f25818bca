package io.bacalao.compute.storage.inline;

import io.bacalao.compute.storage.InputStorage;
import io.bacalao.compute.storage.Mount;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.archive.ArchiveTooLargeException;
import io.bacalao.domain.archive.TarGz;
import io.bacalao.domain.archive.UnpackLimits;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.archive.UnsafeArchiveException;
import io.bacalao.domain.model.InputSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Source type {@code inline} ({@code {"URL": "data:…"}}), data carried in the job itself. A gzip payload
 * ({@code application/gzip}, {@code application/x-gzip}, {@code application/x-tar+gzip}) is a tar.gz that is
 * unpacked into the directory {@code <inputDir>/data}; anything else is written as the file
 * {@code <inputDir>/data}. Either way it is mounted read-only at Target. An archive that is unsafe or unreadable
 * fails the input and leaves no {@code data} behind; nothing is ever written outside {@code inputDir}. The decoded
 * payload is at most {@code InputSources.MaxInlineBytes} (decoding in memory is bounded by the job's own size,
 * which the API limits), and an archive unpacks to at most {@code InputSources.MaxUnpackedBytes} in
 * {@code InputSources.MaxUnpackedEntries} entries ({@link io.bacalao.domain.archive.UnpackLimits}).
 */
@ApplicationScoped
public class InlineStorage implements InputStorage {
    public static final String TYPE = "inline";

    @Override
    public String type() {
        return TYPE;
    }

    /** The data travels in the job itself. */
    @Override
    public boolean isLocal(InputSource input) {
        return true;
    }

    @Override
    public Mount prepare(InputSource input, StorageContext context) throws StorageException {
        String url = input.source().param("URL");
        long max = context.limits().maxInlineBytes();
        DataUrl data;
        try {
            data = DataUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new StorageException("inline input for " + input.target() + " is not a valid data URL: " + e.getMessage(), e);
        }
        if (data.bytes().length > max) throw tooLarge(input, data.bytes().length, max);
        Path dest = context.inputDir().resolve("data");
        try {
            Files.createDirectories(context.inputDir());
            if (data.isGzip()) {
                unpack(data.bytes(), dest, input.target(), context.limits().unpack());
            } else {
                Files.write(dest, data.bytes());
            }
        } catch (IOException e) {
            throw new StorageException("cannot write inline input for " + input.target() + ": " + e.getMessage(), e);
        }
        return new Mount(dest, input.target(), false);
    }

    private static StorageException tooLarge(InputSource input, long size, long max) {
        return new StorageException("inline input for " + input.target() + " is too large: " + size
                + " bytes, more than the " + max + " allowed (" + ConfigKeys.MAX_INLINE_BYTES + ")");
    }

    private static void unpack(byte[] archive, Path dest, String target, UnpackLimits limits)
            throws StorageException, IOException {
        try {
            TarGz.unpack(new ByteArrayInputStream(archive), dest, limits);
        } catch (ArchiveTooLargeException e) {
            deleteTree(dest);
            throw new StorageException("inline input for " + target + " is too large: " + e.getMessage() + " ("
                    + ConfigKeys.MAX_UNPACKED_BYTES + " " + limits.maxBytes() + ", " + ConfigKeys.MAX_UNPACKED_ENTRIES
                    + " " + limits.maxEntries() + ")", e);
        } catch (UnsafeArchiveException e) {
            deleteTree(dest);
            throw new StorageException("inline input for " + target + " is an unsafe archive: " + e.getMessage(), e);
        } catch (IOException e) {
            deleteTree(dest);
            throw new StorageException("inline input for " + target + " is not a readable tar.gz archive: " + e.getMessage(), e);
        }
    }

    /** Removes what a refused unpack left; links are removed, never followed (TarGz creates none anyway). */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
