package io.bacalao.domain.archive;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * gzip-compressed tar archives of directories (results, inline inputs). Unpacking is guarded: an entry that
 * would land outside the destination (absolute, {@code ..}, or through a link) is refused with
 * {@link UnsafeArchiveException} and nothing outside the destination is written; links, devices and pipes are
 * never created; {@link UnpackLimits} bound the bytes and entries written, and oversized names and extended
 * headers are refused before they are read into memory ({@link GuardedTarInputStream}).
 */
public final class TarGz {
    private TarGz() {
    }

    /** Writes {@code dir}'s content (paths relative to it, "." first) as tar.gz to {@code out}. */
    public static void pack(Path dir, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GzipCompressorOutputStream(new BufferedOutputStream(out)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    String name = dir.relativize(d).toString();
                    TarArchiveEntry e = new TarArchiveEntry(name.isEmpty() ? "./" : name + "/");
                    e.setModTime(attrs.lastModifiedTime().toMillis());
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
                    TarArchiveEntry e = new TarArchiveEntry(f.toFile(), dir.relativize(f).toString());
                    tar.putArchiveEntry(e);
                    Files.copy(f, tar);
                    tar.closeArchiveEntry();
                    return FileVisitResult.CONTINUE;
                }
            });
            tar.finish();
        }
    }

    /** Packs {@code dir} into the file {@code archive} (written to a temporary name, then moved into place). */
    public static void packTo(Path dir, Path archive) throws IOException {
        Files.createDirectories(archive.toAbsolutePath().getParent());
        Path tmp = archive.resolveSibling(archive.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            pack(dir, out);
        }
        Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Unpacks a tar.gz stream into {@code dest} (created if needed) without limits; see the class comment. */
    public static void unpack(InputStream in, Path dest) throws IOException {
        unpack(in, dest, UnpackLimits.NONE);
    }

    /**
     * Unpacks a tar.gz stream into {@code dest} (created if needed). Only regular files and directories are
     * created; links, devices, FIFOs and sparse files are refused. Past a limit the unpack stops with
     * {@link ArchiveTooLargeException}: an entry whose declared size does not fit is refused before any of it is
     * written. On any failure what was written stays inside {@code dest}, and removing it is the caller's choice.
     */
    public static void unpack(InputStream in, Path dest, UnpackLimits limits) throws IOException {
        unpackTar(new GzipCompressorInputStream(new BufferedInputStream(in)), dest, limits);
    }

    /** The same for an uncompressed tar stream (e.g. what Kubo's {@code get} sends), with the same guards. */
    public static void unpackTar(InputStream in, Path dest, UnpackLimits limits) throws IOException {
        Path root = Files.createDirectories(dest).toRealPath();
        long bytes = 0;
        long entries = 0;
        try (TarArchiveInputStream tar = new GuardedTarInputStream(new BufferedInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path target = safeTarget(root, e.getName());
                if (e.isSymbolicLink() || e.isLink()) {
                    throw new UnsafeArchiveException("archive entry '" + e.getName() + "' is a link; links are not allowed");
                }
                if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
                    throw new UnsafeArchiveException("archive entry '" + e.getName()
                            + "' is a device or a pipe; only files and directories are allowed");
                }
                if (e.isSparse()) {
                    throw new UnsafeArchiveException("archive entry '" + e.getName() + "' is a sparse file; sparse files are not allowed");
                }
                if (!e.isDirectory() && !e.isFile()) {
                    throw new UnsafeArchiveException("archive entry '" + e.getName()
                            + "' is not a file or a directory (tar type '" + (char) e.getLinkFlag() + "')");
                }
                if (++entries > limits.maxEntries()) {
                    throw new ArchiveTooLargeException("archive has more than " + limits.maxEntries() + " entries");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                if (e.getSize() > limits.maxBytes() - bytes) {
                    throw new ArchiveTooLargeException("archive unpacks to more than " + limits.maxBytes()
                            + " bytes (entry '" + e.getName() + "' alone is " + e.getSize() + " bytes)");
                }
                Files.createDirectories(target.getParent());
                if (Files.isSymbolicLink(target.getParent()) || !target.getParent().toRealPath().startsWith(root)) {
                    throw new UnsafeArchiveException("archive entry '" + e.getName() + "' escapes the destination");
                }
                bytes += copy(tar, target, limits.maxBytes() - bytes);
            }
        }
    }

    /** Copies the current entry, refusing more than {@code room} bytes (a reader that ignores the declared size). */
    private static long copy(InputStream entry, Path target, long room) throws IOException {
        long copied = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = entry.read(buf)) >= 0; ) {
                copied += n;
                if (copied > room) throw new ArchiveTooLargeException("archive unpacks to more bytes than allowed");
                out.write(buf, 0, n);
            }
        }
        return copied;
    }

    /** The destination of an entry, or an exception when it would not be inside {@code root}. */
    static Path safeTarget(Path root, String name) throws UnsafeArchiveException {
        if (name.startsWith("/") || name.contains("\0")) {
            throw new UnsafeArchiveException("archive entry '" + name + "' has an absolute path");
        }
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw new UnsafeArchiveException("archive entry '" + name + "' escapes the destination");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.isSymbolicLink(target)) {
            throw new UnsafeArchiveException("archive entry '" + name + "' would write through a link");
        }
        return target;
    }
}
