package io.bacalao.domain.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {
    /** "abc" in the OpenBSD bcrypt test vectors (the $2a$ form Go's bcrypt and Bacalhau write). */
    private static final String VECTOR = "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i";

    @Test
    void aHashIsCheckedWithBcryptAndAPlainPasswordAsIs() {
        String hash = PasswordHashes.hash("correct horse");
        assertTrue(hash.startsWith("$2a$12$"), hash);
        assertTrue(PasswordHashes.isHash(hash));
        assertTrue(PasswordHashes.matches("correct horse", hash));
        assertFalse(PasswordHashes.matches("correct horsE", hash));
        assertFalse(PasswordHashes.isHash("snoopypassword"));
        assertTrue(PasswordHashes.matches("snoopypassword", "snoopypassword"));
        assertFalse(PasswordHashes.matches("snoopypasswor", "snoopypassword"));
    }

    @Test
    void readsAHashMadeElsewhere() {
        assertTrue(PasswordHashes.matches("abc", VECTOR));
        assertFalse(PasswordHashes.matches("abd", VECTOR));
    }

    @Test
    void readsOtherBcryptVersions() {
        String y = PasswordHashes.hash("pw123456789").replace("$2a$", "$2y$");
        assertTrue(PasswordHashes.isHash(y));
        assertTrue(PasswordHashes.matches("pw123456789", y));
    }
}
