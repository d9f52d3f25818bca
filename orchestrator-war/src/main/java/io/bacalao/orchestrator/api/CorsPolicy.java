package io.bacalao.orchestrator.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may call the API from a web page. Bacalhau answers every origin with {@code Access-Control-Allow-Origin: *}
 * (pkg/publicapi/server.go), which lets any page a user visits submit jobs to an orchestrator on their machine
 * (a {@code text/plain} POST needs no preflight). Bacalao allows only the configured origins
 * ({@code API.CORS.AllowedOrigins}, exact {@code scheme://host[:port]} or {@code *}); requests without an
 * {@code Origin} header (CLIs, scripts) and same-origin requests are not cross-origin and always pass.
 */
public final class CorsPolicy {
    /** Methods a browser may send without asking first are not writes; everything else is. */
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private final List<String> allowed;

    public CorsPolicy(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(CorsPolicy::normalise).toList();
    }

    /** True when the request comes from a web page on another origin than the one it is sent to. */
    public boolean isCrossOrigin(String origin, String host) {
        if (origin == null || origin.isBlank()) return false;
        if (host == null || host.isBlank()) return true;
        try {
            URI o = URI.create(origin.trim());
            if (o.getHost() == null) return true;
            String authority = o.getHost() + (o.getPort() < 0 ? defaultPort(o.getScheme()) : ":" + o.getPort());
            String h = host.trim().toLowerCase(Locale.ROOT);
            if (!h.contains(":") || h.endsWith("]")) h += defaultPort(o.getScheme());
            return !authority.toLowerCase(Locale.ROOT).equals(h);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** Whether a cross-origin page at {@code origin} may call the API. */
    public boolean allows(String origin) {
        return origin != null && (allowed.contains("*") || allowed.contains(normalise(origin)));
    }

    /** A cross-origin request that must be refused: a write or a preflight from an origin not allowed. */
    public boolean refuses(String method, String origin, String host) {
        if (!isCrossOrigin(origin, host) || allows(origin)) return false;
        return !SAFE.contains(method) || "OPTIONS".equals(method);
    }

    private static String defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? ":443" : ":80";
    }

    private static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
