package io.bacalao.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebSocketCredentialTest {
    private static String offer(String authorization) {
        return "bacalao.auth." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(authorization.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theOfferedAuthProtocolCarriesTheAuthorizationValue() {
        String header = "bacalao.logs, " + offer("Bearer a-key-of-twenty-chars??");
        assertEquals("Bearer a-key-of-twenty-chars??", WebSocketCredential.fromProtocols(Collections.enumeration(List.of(header))));
        assertEquals("Basic YTpi", WebSocketCredential.fromProtocols(
                Collections.enumeration(List.of("bacalao.logs", offer("Basic YTpi")))));
    }

    @Test
    void noAuthProtocolMeansNoCredentialAndABadOneAnEmptyOne() {
        assertNull(WebSocketCredential.fromProtocols(Collections.enumeration(List.of("bacalao.logs"))));
        assertNull(WebSocketCredential.fromProtocols(null));
        assertEquals("", WebSocketCredential.fromProtocols(Collections.enumeration(List.of("bacalao.auth.%%%"))));
    }
}
