package io.bacalao.domain.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * Passwords of {@code API.Auth.Users}: a bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}, as Bacalhau's
 * {@code credsecurity} and {@code htpasswd -B} write them) is checked with bcrypt, anything else is a plain password
 * compared in constant time.
 */
public final class PasswordHashes {
    /** Bacalhau's {@code auth hash-password} cost (2^12 rounds; about a quarter second per check on one core). */
    public static final int COST = 12;
    /** bcrypt reads at most 72 bytes; Bacalhau's hash-password refuses more than 100 characters. */
    public static final int MAX_HASHED_LENGTH = 100;
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}$");

    private PasswordHashes() {
    }

    public static boolean isHash(String stored) {
        return stored != null && BCRYPT.matcher(stored).matches();
    }

    /** Whether {@code given} is the password {@code stored} (a bcrypt hash or the plain password). */
    public static boolean matches(String given, String stored) {
        if (isHash(stored)) {
            return BCrypt.verifyer().verify(given.getBytes(StandardCharsets.UTF_8),
                    stored.getBytes(StandardCharsets.UTF_8)).verified;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code $2a$} hash at {@link #COST}, as Bacalhau's (Go's bcrypt writes 2a). */
    public static String hash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2A).hashToString(COST, password.toCharArray());
    }
}
