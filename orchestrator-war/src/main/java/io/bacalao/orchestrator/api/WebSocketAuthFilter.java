package io.bacalao.orchestrator.api;

import io.bacalao.domain.error.ApiError;
import io.bacalao.domain.spec.Json;
import io.bacalao.domain.auth.Decision;
import io.bacalao.domain.auth.EntryPointAuthorizer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The entry-point authoriser on the logs websocket ({@link LogsEndpoint}): its handshake is upgraded before JAX-RS
 * sees it, so {@link AuthFilter} cannot; a handshake without a credential granting {@code read:job} is refused
 * with the same 401/403 body. The credential is the {@code Authorization} header or, from a browser, the one the
 * offered subprotocols carry ({@link WebSocketCredential}). Plain requests pass to JAX-RS, where {@link AuthFilter} decides.
 */
@WebFilter(urlPatterns = "/api/v1/orchestrator/jobs/*", asyncSupported = true)
public class WebSocketAuthFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            EntryPointAuthorizer authorizer = ApiAuth.authorizer();
            if (authorizer != null) {
                String credential = request.getHeader("Authorization");
                if (credential == null) credential = WebSocketCredential.fromProtocols(request.getHeaders("Sec-WebSocket-Protocol"));
                Decision d = authorizer.authorize(request.getMethod(), request.getRequestURI(), credential);
                if (!d.approved()) {
                    String id = request.getHeader(ApiHeaders.REQUEST_ID);
                    if (id == null) id = UUID.randomUUID().toString();
                    ApiError body = ApiAuth.refusal(d, request.getMethod(), request.getRequestURI(), id);
                    response.setStatus(body.status());
                    response.setHeader(ApiHeaders.REQUEST_ID, id);
                    response.setContentType("application/json");
                    response.getOutputStream().write(Json.write(body).getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
