package io.bacalao.compute.registration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrationMarkerTest {
    @TempDir
    Path dir;

    @Test
    void aNodeIsRegisteredOnceTheMarkerIsWrittenAndItSurvivesANewInstance() throws Exception {
        RegistrationMarker m = new RegistrationMarker(dir.resolve("compute"));
        assertFalse(m.exists());
        m.write("n-1", "tcp://127.0.0.1:4222", "PENDING", Instant.parse("2026-11-27T10:00:00Z"));
        assertTrue(new RegistrationMarker(dir.resolve("compute")).exists());
        String text = Files.readString(m.file());
        assertTrue(text.contains("\"NodeID\":\"n-1\"") && text.contains("\"Membership\":\"PENDING\""), text);
        m.write("n-1", "tcp://127.0.0.1:4222", "APPROVED", Instant.parse("2026-11-27T10:01:00Z"));
        assertTrue(Files.readString(m.file()).contains("APPROVED"));
    }
}
