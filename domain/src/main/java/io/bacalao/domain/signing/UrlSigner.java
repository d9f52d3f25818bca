package io.bacalao.domain.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks expiring URLs: a path gets {@code ?expires=<epoch seconds>&signature=<HMAC-SHA256>} where the
 * signature covers the path and the expiry (base64url, no padding). Anyone holding a signed URL may use it until it
 * expires; changing the path or the expiry breaks the signature. The key is a node's secret (at least 32 bytes).
 */
public final class UrlSigner {
    public static final String EXPIRES = "expires";
    public static final String SIGNATURE = "signature";
    /** Shortest key accepted: HMAC-SHA256's block strength. */
    public static final int MIN_KEY_BYTES = 32;

    /** What a check found; only {@link #VALID} may be served. */
    public enum Verdict {
        VALID("valid"),
        MISSING("this URL carries no signature (expires and signature parameters); ask the API for the job's results again"),
        MALFORMED("this URL's expires or signature parameter is malformed"),
        EXPIRED("this URL has expired; ask the API for the job's results again (bacalao job get)"),
        TAMPERED("this URL's signature does not match (altered or signed by another node)");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final SecretKeySpec key;
    private final Clock clock;

    public UrlSigner(byte[] key, Clock clock) {
        if (key.length < MIN_KEY_BYTES) throw new IllegalArgumentException("a URL signing key needs at least " + MIN_KEY_BYTES + " bytes");
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.clock = clock;
    }

    /** The query string (without '?') that makes {@code path} valid until {@code expires} (second precision). */
    public String query(String path, Instant expires) {
        long at = expires.getEpochSecond();
        return EXPIRES + "=" + at + "&" + SIGNATURE + "=" + signature(path, at);
    }

    /** Checks {@code rawQuery} (may be null) against {@code path} at the clock's now; expiry is inclusive. */
    public Verdict verify(String path, String rawQuery) {
        Map<String, String> q = parse(rawQuery);
        String expires = q.get(EXPIRES);
        String signature = q.get(SIGNATURE);
        if (expires == null && signature == null) return Verdict.MISSING;
        if (expires == null || signature == null || !expires.matches("\\d{1,18}")) return Verdict.MALFORMED;
        long at = Long.parseLong(expires);
        byte[] expected = signature(path, at).getBytes(StandardCharsets.US_ASCII);
        // constant time: the comparison must not tell how many leading characters were right
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) return Verdict.TAMPERED;
        return clock.instant().getEpochSecond() > at ? Verdict.EXPIRED : Verdict.VALID;
    }

    private String signature(String path, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal((path + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> q = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return q;
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            // a repeated parameter is ambiguous: keep a value that cannot verify
            q.merge(name, eq < 0 ? "" : part.substring(eq + 1), (a, b) -> "\u0000");
        }
        return q;
    }
}
