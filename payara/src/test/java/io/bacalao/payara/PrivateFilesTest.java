package io.bacalao.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data dirs are 0700 and the files holding secrets 0600, from the moment they exist. */
class PrivateFilesTest {
    @TempDir
    Path tmp;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void directoriesAndTheirMissingParentsAreCreatedPrivate() throws IOException {
        Path dir = PrivateFiles.directory(tmp.resolve("a").resolve("b"));
        assertEquals("rwx------", mode(dir));
        assertEquals("rwx------", mode(dir.getParent()));
    }

    @Test
    void anExistingDirectoryReadableByOthersIsRestricted() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("old"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        PrivateFiles.directory(dir);
        assertEquals("rwx------", mode(dir));
    }

    @Test
    void filesAreWrittenAsNewOwnerOnlyFilesReplacingWhatWasThere() throws IOException {
        Path f = Files.writeString(tmp.resolve("preboot.txt"), "old content that was world-readable");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.write(f, "new".getBytes());
        assertEquals("rw-------", mode(f));
        assertEquals("new", Files.readString(f));
    }

    @Test
    void anExistingLogKeepsItsContentButNotItsMode() throws IOException {
        Path log = Files.writeString(tmp.resolve("node.log"), "earlier run\n");
        PrivateFiles.existingFile(log);
        assertEquals("rw-------", mode(log));
        assertEquals("earlier run\n", Files.readString(log));
        assertEquals("rw-------", mode(PrivateFiles.existingFile(tmp.resolve("new.log"))));
    }

    @Test
    void aNodesBootFilesAndDataDirAreOwnerOnly() throws IOException {
        Path dataDir = tmp.resolve("node");
        NodeSpec spec = new NodeSpec("n-1", true, false, dataDir, "127.0.0.1", 1, new BrokerAddress("127.0.0.1", 2,
                Map.of(), "token-x"), true, new NodeSpec.Database("jdbc:postgresql://u:db-secret-1@h/db", "u", "db-secret-2"),
                Map.of("Orchestrator.Auth.Token", "token-x"), List.of());
        Path runtime = Files.createDirectories(tmp.resolve("runtime"));
        for (String f : List.of("payara-micro.jar", "broker.war", "artemis-ra.rar", "orchestrator.war", "compute-node.war",
                "postgresql.jar")) {
            Files.writeString(runtime.resolve(f), "");
        }
        Files.createDirectories(runtime.resolve("lib"));
        // a launch that fails at once (no JVM there) still writes the boot files first
        try {
            NodeProcess.start(spec, new RuntimeLayout(runtime), tmp.resolve("no-jdk"), dataDir.resolve("node.log"));
        } catch (IOException expected) {
            // the java binary does not exist
        }
        assertEquals("rwx------", mode(dataDir));
        assertEquals("rwx------", mode(dataDir.resolve("payara")));
        for (String f : List.of("preboot.txt", "postboot.txt", "node.properties")) {
            assertEquals("rw-------", mode(dataDir.resolve("payara").resolve(f)), f);
        }
        assertEquals("rw-------", mode(dataDir.resolve("node.log")));
        assertTrue(Files.readString(dataDir.resolve("payara").resolve("postboot.txt")).contains("token-x"));
        // Payara logs each boot "set" with its value: the database secrets go by reference to node.properties
        String preboot = Files.readString(dataDir.resolve("payara").resolve("preboot.txt"));
        assertFalse(preboot.contains("db-secret-1") || preboot.contains("db-secret-2"), preboot);
        assertTrue(preboot.contains("property.Password=${bacalao.db.password}"), preboot);
        String props = Files.readString(dataDir.resolve("payara").resolve("node.properties"));
        assertTrue(props.contains("bacalao.db.password=db-secret-2"), props);
    }
}
