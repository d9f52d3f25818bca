package io.bacalao.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalao.domain.error.BacalaoException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PagingTokenTest {

    @Test
    void aTokenTheServerMadeReadsBack() {
        PagingToken t = new PagingToken("created_at", true, 10, 20);
        assertEquals(t, PagingToken.decode(t.encode()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"created_at:N:2147483647:0", "created_at:N:0:0", "created_at:N:-1:0",
            "created_at:N:10:-5", "created_at:N:10:9223372036854775807", "created_at:N:10:99999999999999999999",
            "created_at:X:10:0", "created_at:N:10", "created_at:N:ten:0", "a:b:c:d:e"})
    void aForgedOrDamagedTokenIs400(String raw) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        BacalaoException e = assertThrows(BacalaoException.class, () -> PagingToken.decode(token));
        assertEquals(400, e.status());
        assertEquals("BadRequest", e.code().code());
    }

    @Test
    void garbageAndHugeTokensAre400() {
        assertEquals(400, assertThrows(BacalaoException.class, () -> PagingToken.decode("bogus!")).status());
        assertEquals(400, assertThrows(BacalaoException.class, () -> PagingToken.decode("A".repeat(10_000))).status());
    }
}
