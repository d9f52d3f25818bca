package io.bacalao.domain.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.signing.UrlSigner.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UrlSignerTest {
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final byte[] KEY = key((byte) 1);
    static final String PATH = "/e-1234.tar.gz";

    static byte[] key(byte b) {
        byte[] k = new byte[32];
        Arrays.fill(k, b);
        return k;
    }

    static UrlSigner at(Instant now) {
        return new UrlSigner(KEY, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aSignedPathVerifiesUntilItsExpiryInclusive() {
        String q = at(NOW).query(PATH, NOW.plusSeconds(3600));
        assertTrue(q.startsWith("expires=" + NOW.plusSeconds(3600).getEpochSecond() + "&signature="), q);
        assertEquals(Verdict.VALID, at(NOW).verify(PATH, q));
        assertEquals(Verdict.VALID, at(NOW.plusSeconds(3600)).verify(PATH, q));
    }

    @Test
    void aPathPastItsExpiryIsExpired() {
        String q = at(NOW).query(PATH, NOW.plusSeconds(3600));
        assertEquals(Verdict.EXPIRED, at(NOW.plusSeconds(3601)).verify(PATH, q));
    }

    @Test
    void anotherPathALaterExpiryAnotherKeyOrAnAlteredSignatureAreTampered() {
        String q = at(NOW).query(PATH, NOW.plusSeconds(60));
        assertEquals(Verdict.TAMPERED, at(NOW).verify("/e-9999.tar.gz", q));
        String later = q.replace("expires=" + NOW.plusSeconds(60).getEpochSecond(), "expires=" + NOW.plusSeconds(6000).getEpochSecond());
        assertEquals(Verdict.TAMPERED, at(NOW).verify(PATH, later));
        assertEquals(Verdict.TAMPERED, new UrlSigner(key((byte) 2), Clock.fixed(NOW, ZoneOffset.UTC)).verify(PATH, q));
        char last = q.charAt(q.length() - 1);
        assertEquals(Verdict.TAMPERED, at(NOW).verify(PATH, q.substring(0, q.length() - 1) + (last == 'A' ? 'B' : 'A')));
    }

    @Test
    void noParametersIsMissingAndHalfOrGarbledParametersAreMalformed() {
        assertEquals(Verdict.MISSING, at(NOW).verify(PATH, null));
        assertEquals(Verdict.MISSING, at(NOW).verify(PATH, ""));
        assertEquals(Verdict.MALFORMED, at(NOW).verify(PATH, "expires=123"));
        assertEquals(Verdict.MALFORMED, at(NOW).verify(PATH, "signature=abc"));
        assertEquals(Verdict.MALFORMED, at(NOW).verify(PATH, "expires=-5&signature=abc"));
        assertEquals(Verdict.MALFORMED, at(NOW).verify(PATH, "expires=99999999999999999999&signature=abc"));
    }

    @Test
    void aRepeatedParameterDoesNotVerify() {
        String q = at(NOW).query(PATH, NOW.plusSeconds(60));
        assertEquals(Verdict.TAMPERED, at(NOW).verify(PATH, q + "&signature=x"));
    }

    @Test
    void shortKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new UrlSigner(new byte[16], Clock.systemUTC()));
    }
}
