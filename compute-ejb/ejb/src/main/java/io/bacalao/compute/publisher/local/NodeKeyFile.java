package io.bacalao.compute.publisher.local;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A node's 256-bit secret in a file of 64 hex digits, made with mode 0600 (created with that mode, never widened)
 * the first time it is asked for and read afterwards, so signatures survive restarts.
 */
final class NodeKeyFile {
    private NodeKeyFile() {
    }

    static byte[] readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            try {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
                Files.writeString(file, HexFormat.of().formatHex(key), StandardOpenOption.TRUNCATE_EXISTING);
                return key;
            } catch (FileAlreadyExistsException raced) {
                // another bean made it first: read theirs
            }
        }
        String hex = Files.readString(file).trim();
        if (!hex.matches("[0-9a-fA-F]{64}")) throw new IOException(file + " does not hold 64 hex digits");
        return HexFormat.of().parseHex(hex);
    }
}
