package io.bacalao.orchestrator.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The logs websocket ({@link LogsEndpoint}) under the same {@link CorsPolicy} as the REST API: a browser page may
 * open it only from the same origin or an allowed one. Browsers do not apply CORS to websockets, so without this
 * check any page could read a user's job logs; handshakes without an Origin header (CLIs) pass. Runs as a servlet
 * filter because the websocket upgrade happens before JAX-RS and a refused handshake needs an HTTP status (403).
 */
@WebFilter(urlPatterns = "/api/v1/orchestrator/jobs/*", asyncSupported = true)
public class WebSocketOriginFilter extends HttpFilter {
    private final CorsPolicy policy = new CorsPolicy(ApiLimits.configured().allowedOrigins());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader(CorsFilter.ORIGIN);
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        if (upgrade && policy.isCrossOrigin(origin, request.getHeader("Host")) && !policy.allows(origin)) {
            ServletErrors.write(request, response, 403, "Forbidden", "cross-origin websocket from "
                    + QueryParams.shorten(origin) + " refused", "allow the web origin in API.CORS.AllowedOrigins");
            return;
        }
        chain.doFilter(request, response);
    }
}
