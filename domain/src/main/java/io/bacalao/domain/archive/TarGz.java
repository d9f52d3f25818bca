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
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * gzip-compressed tar archives of directories (results, inline inputs). Unpacking is guarded: an entry that
 * would land outside the destination (absolute, {@code ..}, or through a link) is refused with
 * {@link UnsafeArchiveException} and nothing outside the destination is written; links are never created.
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

    /** Unpacks a tar.gz stream into {@code dest} (created if needed); see the class comment for the guard. */
    public static void unpack(InputStream in, Path dest) throws IOException {
        Path root = Files.createDirectories(dest).toRealPath();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(in)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path target = safeTarget(root, e.getName());
                if (e.isSymbolicLink() || e.isLink()) {
                    throw new UnsafeArchiveException("archive entry '" + e.getName() + "' is a link; links are not allowed");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isFile()) {
                    Files.createDirectories(target.getParent());
                    if (Files.isSymbolicLink(target.getParent()) || !target.getParent().toRealPath().startsWith(root)) {
                        throw new UnsafeArchiveException("archive entry '" + e.getName() + "' escapes the destination");
                    }
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
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
