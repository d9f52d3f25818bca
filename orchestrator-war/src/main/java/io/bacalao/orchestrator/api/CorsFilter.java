package io.bacalao.orchestrator.api;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.error.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Applies {@link CorsPolicy}: preflights from allowed origins are answered here (204), preflights and writes from
 * other origins get 403 with the error body before any resource runs, and only allowed origins ever see
 * {@code Access-Control-Allow-Origin} (their own origin, never {@code *}).
 */
@Provider
@PreMatching
@Priority(ApiFilterOrder.CORS)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String ORIGIN = "Origin";
    static final String ALLOWED_METHODS = "GET, HEAD, PUT, POST, DELETE";
    static final String ALLOWED_HEADERS = "Content-Type, Authorization, X-Request-Id, X-Bacalhau-Git-Version,"
            + " X-Bacalhau-Git-Commit, X-Bacalhau-Build-Date, X-Bacalhau-Build-OS, X-Bacalhau-Arch,"
            + " X-Bacalhau-InstanceID, X-Bacalhau-InstallationID, X-Bacalhau-App-ID";
    private final CorsPolicy policy;

    public CorsFilter() {
        this(new CorsPolicy(ApiLimits.configured().allowedOrigins()));
    }

    CorsFilter(CorsPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        String method = request.getMethod();
        if (policy.refuses(method, origin, request.getHeaderString(HttpHeaders.HOST))) {
            throw new BacalaoException(ErrorCode.FORBIDDEN, ErrorMapper.API_SERVER,
                    "cross-origin request from " + QueryParams.shorten(origin) + " refused",
                    "allow the web origin in API.CORS.AllowedOrigins");
        }
        boolean preflight = "OPTIONS".equals(method) && request.getHeaderString("Access-Control-Request-Method") != null;
        if (preflight && policy.isCrossOrigin(origin, request.getHeaderString(HttpHeaders.HOST))) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", "600").build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        response.getHeaders().add(HttpHeaders.VARY, ORIGIN);
        if (policy.isCrossOrigin(origin, request.getHeaderString(HttpHeaders.HOST)) && policy.allows(origin)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin.trim());
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "X-Request-Id");
        }
    }
}
