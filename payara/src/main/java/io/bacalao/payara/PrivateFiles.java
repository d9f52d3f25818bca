package io.bacalao.payara;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories and files only their owner may read: a node's data dir (0700) and the files in it that hold the
 * broker token or the database password (0600). Files are created with their mode from the start, never written
 * first and restricted afterwards, so no other user can open them in between. On file systems without POSIX
 * permissions the plain calls are used.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates {@code dir} and any missing parents as 0700; an existing {@code dir} that others may read is
     * restricted to 0700 (a data dir made by an older version). Returns {@code dir}.
     */
    public static Path directory(Path dir) throws IOException {
        if (!posix()) return Files.createDirectories(dir);
        if (Files.isDirectory(dir)) {
            if (!Files.getPosixFilePermissions(dir).equals(DIRECTORY)) Files.setPosixFilePermissions(dir, DIRECTORY);
            return dir;
        }
        return Files.createDirectories(dir, attribute(DIRECTORY));
    }

    /** Replaces {@code file} with a new 0600 file holding {@code content}. */
    public static void write(Path file, byte[] content) throws IOException {
        try (OutputStream out = newFile(file)) {
            out.write(content);
        }
    }

    /** Replaces {@code file} with a new, empty 0600 file and opens it for writing. */
    public static OutputStream newFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (!posix()) return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
        Files.createFile(file, attribute(FILE));
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Makes sure {@code file} exists as a 0600 file, keeping its content (e.g. a log that another process appends
     * to): created empty with that mode, or restricted to it when an older version left it readable by others.
     */
    public static Path existingFile(Path file) throws IOException {
        if (!posix()) return Files.exists(file) ? file : Files.createFile(file);
        if (!Files.exists(file)) return Files.createFile(file, attribute(FILE));
        if (!Files.getPosixFilePermissions(file).equals(FILE)) Files.setPosixFilePermissions(file, FILE);
        return file;
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> p) {
        return PosixFilePermissions.asFileAttribute(p);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
