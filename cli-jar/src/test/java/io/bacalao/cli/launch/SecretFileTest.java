package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {
    @TempDir
    Path dir;

    @Test
    void theSecretIsMadeOnceInAnOwnerOnlyFileAndKeptAfterwards() throws IOException {
        Path file = dir.resolve("node/" + SecretFile.NODE_SECRET);

        String first = SecretFile.readOrCreate(file);

        assertTrue(first.matches("[0-9a-f]{64}"), first);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.exists(file.resolveSibling(SecretFile.NODE_SECRET + ".tmp")), "no temporary file left");
        assertEquals(first, SecretFile.readOrCreate(file));
    }
}
