package io.bacalao.orchestrator.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Enumeration;

/**
 * A browser cannot set {@code Authorization} on a websocket handshake, so the Web UI (docs/webui.md) offers its
 * credential as a subprotocol: {@code Sec-WebSocket-Protocol: bacalao.logs, bacalao.auth.<base64url(Authorization
 * value), unpadded>}. The server answers with {@link #PROTOCOL} only; the credential never appears in a URL.
 */
final class WebSocketCredential {
    /** The subprotocol the logs websocket agrees to (clients that offer none get none). */
    static final String PROTOCOL = "bacalao.logs";
    private static final String PREFIX = "bacalao.auth.";

    private WebSocketCredential() {
    }

    /** The {@code Authorization} value carried by the offered subprotocols, or null when none carries one. */
    static String fromProtocols(Enumeration<String> headers) {
        if (headers == null) return null;
        while (headers.hasMoreElements()) {
            for (String offered : headers.nextElement().split(",")) {
                String p = offered.trim();
                if (!p.startsWith(PREFIX)) continue;
                try {
                    return new String(Base64.getUrlDecoder().decode(p.substring(PREFIX.length())), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
        }
        return null;
    }
}
