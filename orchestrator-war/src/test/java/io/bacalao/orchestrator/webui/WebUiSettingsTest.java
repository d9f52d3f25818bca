package io.bacalao.orchestrator.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.Config;
import org.junit.jupiter.api.Test;

class WebUiSettingsTest {
    @Test
    void disabledByDefault() {
        assertFalse(WebUiSettings.from(Config.defaults()).enabled());
    }

    @Test
    void theUiCallsItsOwnOriginUnlessABackendIsNamed() {
        WebUiSettings own = WebUiSettings.from(Config.defaults().with("WebUI.Enabled", "true").with("WebUI.Listen", "127.0.0.1:9100"));
        assertEquals(9100, own.port());
        assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
                + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'", own.contentSecurityPolicy());

        WebUiSettings other = new WebUiSettings(9100, "HTTPS://Api.Example:8443/some/path");
        assertEquals("https://api.example:8443", other.backend());
        assertTrue(other.contentSecurityPolicy().contains("connect-src 'self' https://api.example:8443 wss://api.example:8443;"));
    }

    @Test
    void aBackendThatIsNoHttpOriginIsRefusedWithTheKey() {
        for (String bad : new String[]{"api:1234", "ftp://x", "http://", "not a url"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WebUiSettings(1, bad));
            assertTrue(e.getMessage().startsWith("invalid WebUI.Backend"), e.getMessage());
        }
    }

    @Test
    void pageRoutesAndBundleFilesAreUiPathsAndTheApiIsNot() {
        for (String p : new String[]{"/", "/jobs", "/jobs/j-1", "/nodes/n-1", "/login", "/ui/app.js"}) {
            assertTrue(WebUiAssets.isUiPath(p), p);
        }
        for (String p : new String[]{"/api/v1/agent/alive", "/health/ready", "/version", "/livez"}) {
            assertFalse(WebUiAssets.isUiPath(p), p);
        }
    }

    @Test
    void indexCarriesTheBackendEscapedAndUnknownFilesAreMissing() {
        WebUiAssets assets = new WebUiAssets("http://a\"b");
        String html = new String(assets.find("/jobs/j-1").bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(html.contains("content=\"http://a&quot;b\" name=\"bacalao-backend\""), html);
        assertEquals("text/javascript; charset=utf-8", assets.find("/ui/app.js").contentType());
        assertEquals(null, assets.find("/ui/nothing.js"));
        assertEquals(null, assets.find("/ui/../WEB-INF/web.xml"));
    }
}
