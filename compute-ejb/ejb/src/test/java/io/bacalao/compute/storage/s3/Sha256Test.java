package io.bacalao.compute.storage.s3;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    // SHA-256 of "hello\n"
    static final String HEX = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    static final String BASE64 = "WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgM=";

    @Test
    void theRightBytesPassInBase64AndInHex(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "hello\n");
        assertDoesNotThrow(() -> Sha256.verify(f, BASE64, "s3://b/f"));
        assertDoesNotThrow(() -> Sha256.verify(f, HEX.toUpperCase(), "s3://b/f"));
    }

    @Test
    void otherBytesFailWithBothDigests(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "hello!\n");
        Sha256.Mismatch e = assertThrows(Sha256.Mismatch.class, () -> Sha256.verify(f, BASE64, "s3://b/f"));
        assertEquals("checksum mismatch for s3://b/f, expected " + BASE64 + ", got "
                + java.util.Base64.getEncoder().encodeToString(Sha256.of(f)), e.getMessage());
    }

    @Test
    void aValueThatIsNoDigestIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sha256.parse("abc"));
        assertEquals("ChecksumSHA256 \"abc\" is not a SHA-256 digest (base64 as S3 reports it, or 64 hex digits)",
                e.getMessage());
    }
}
