package io.bacalao.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node ID is bound to the first secret it presents, across restarts, until it is released. */
class NodeBindingsTest {
    static final String SECRET_1 = "a".repeat(64);
    static final String SECRET_2 = "b".repeat(64);
    @TempDir
    Path dir;

    @Test
    void theFirstSecretBindsTheIdAndOnlyItIsAdmittedAfterwards() {
        NodeBindings b = new NodeBindings(dir.resolve("node-bindings"));
        assertTrue(b.admit("n-1", SECRET_1));
        assertTrue(b.admit("n-1", SECRET_1));
        assertFalse(b.admit("n-1", SECRET_2), "a newcomer with the join token cannot take the ID over");
        assertTrue(b.admit("n-2", SECRET_2), "another ID is free");
    }

    @Test
    void bindingsSurviveARestartInAnOwnerOnlyFileHoldingHashesOnly() throws Exception {
        Path file = dir.resolve("node-bindings");
        new NodeBindings(file).admit("n-1", SECRET_1);
        assertFalse(new NodeBindings(file).admit("n-1", SECRET_2));
        assertTrue(new NodeBindings(file).admit("n-1", SECRET_1));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.readString(file).contains(SECRET_1));
    }

    @Test
    void aReleasedIdTakesANewSecret() {
        Path file = dir.resolve("node-bindings");
        NodeBindings b = new NodeBindings(file);
        b.admit("n-1", SECRET_1);
        b.release("n-1");
        assertFalse(b.isBound("n-1"));
        assertTrue(b.admit("n-1", SECRET_2));
        assertFalse(new NodeBindings(file).admit("n-1", SECRET_1));
    }

    @Test
    void malformedIdsAndSecretsAreRefused() {
        NodeBindings b = new NodeBindings(dir.resolve("node-bindings"));
        assertFalse(b.admit("n-1", "short"));
        assertFalse(b.admit("n-1", "z".repeat(64)));
        assertFalse(b.admit("n-1", ""));
        assertFalse(b.admit("", SECRET_1));
        assertFalse(b.admit("../x", SECRET_1));
        assertFalse(b.admit("a#b", SECRET_1), "no Artemis wildcards");
        assertFalse(b.admit("n".repeat(129), SECRET_1));
        assertFalse(b.admit(null, SECRET_1));
        assertFalse(b.isBound("n-1"));
    }
}
