package io.bacalao.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
    private final CorsPolicy none = new CorsPolicy(List.of());
    private final CorsPolicy ui = new CorsPolicy(List.of("http://localhost:8438/"));

    @Test
    void requestsWithoutOriginOrFromTheSameOriginAreNotCrossOrigin() {
        assertFalse(none.isCrossOrigin(null, "127.0.0.1:1234"));
        assertFalse(none.isCrossOrigin("http://127.0.0.1:1234", "127.0.0.1:1234"));
        assertFalse(none.isCrossOrigin("http://Example.org", "example.org"));
        assertFalse(none.isCrossOrigin("https://example.org", "example.org:443"));
        assertTrue(none.isCrossOrigin("https://evil.example", "127.0.0.1:1234"));
        assertTrue(none.isCrossOrigin("http://127.0.0.1:8438", "127.0.0.1:1234"));
        assertTrue(none.isCrossOrigin("null", "127.0.0.1:1234"));
        assertTrue(none.isCrossOrigin("http://[::1", "127.0.0.1:1234"));
    }

    @Test
    void byDefaultNoCrossOriginWriteOrPreflightPasses() {
        assertTrue(none.refuses("POST", "https://evil.example", "127.0.0.1:1234"));
        assertTrue(none.refuses("PUT", "https://evil.example", "127.0.0.1:1234"));
        assertTrue(none.refuses("DELETE", "https://evil.example", "127.0.0.1:1234"));
        assertTrue(none.refuses("OPTIONS", "https://evil.example", "127.0.0.1:1234"));
        assertFalse(none.refuses("GET", "https://evil.example", "127.0.0.1:1234"), "read, but the browser hides it");
        assertFalse(none.refuses("POST", null, "127.0.0.1:1234"), "a CLI");
        assertFalse(none.refuses("POST", "http://127.0.0.1:1234", "127.0.0.1:1234"), "same origin");
        assertFalse(none.allows("https://evil.example"));
    }

    @Test
    void configuredOriginsMayWrite() {
        assertTrue(ui.allows("http://localhost:8438"));
        assertTrue(ui.allows("HTTP://LOCALHOST:8438"));
        assertFalse(ui.allows("http://localhost:8439"));
        assertFalse(ui.refuses("PUT", "http://localhost:8438", "localhost:1234"));
        assertTrue(ui.refuses("PUT", "http://localhost.evil.example:8438", "localhost:1234"));
        assertTrue(new CorsPolicy(List.of("*")).allows("https://anything.example"));
    }
}
