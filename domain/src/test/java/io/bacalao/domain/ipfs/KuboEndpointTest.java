package io.bacalao.domain.ipfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KuboEndpointTest {
    @ParameterizedTest
    @CsvSource({
            "/ip4/127.0.0.1/tcp/5001, http://127.0.0.1:5001",
            "/ip4/10.0.0.2/tcp/5001/http, http://10.0.0.2:5001",
            "/dns4/ipfs.example/tcp/443/https, https://ipfs.example:443",
            "/dns/ipfs.example/tcp/443/tls/http, https://ipfs.example:443",
            "/ip6/::1/tcp/5001, http://[::1]:5001",
            "http://127.0.0.1:5001, http://127.0.0.1:5001",
            "http://127.0.0.1:5001/, http://127.0.0.1:5001",
            "127.0.0.1:5001, http://127.0.0.1:5001",
    })
    void multiaddressesAndUrlsBecomeTheApiBase(String value, String base) {
        assertEquals(base, KuboEndpoint.parse(value).base().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/ip4/127.0.0.1/udp/5001", "/ip4/127.0.0.1/tcp/notaport", "/ip4/127.0.0.1/tcp/0",
            "/unix/tmp/ipfs.sock", "/ip4/127.0.0.1/tcp/5001/ws", "ftp://host:21"})
    void otherValuesAreRefusedWithBothForms(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KuboEndpoint.parse(value));
        assertTrue(e.getMessage().contains("/ip4/127.0.0.1/tcp/5001") && e.getMessage().contains("http://127.0.0.1:5001"),
                e.getMessage());
    }
}
