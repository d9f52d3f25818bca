package io.bacalao.orchestrator.api;

import io.bacalao.domain.config.BuildVersion;
import io.bacalao.domain.model.BuildVersionInfo;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;

/**
 * Headers every response carries: a request ID (kept from the request when the client sent one), the server's
 * build information (X-Bacalhau-*). CORS headers come from {@link CorsFilter}.
 */
@Provider
@PreMatching
@jakarta.annotation.Priority(ApiFilterOrder.REQUEST_ID)
public class ApiHeaders implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String REQUEST_ID = "X-Request-Id";
    private static final BuildVersionInfo VERSION = BuildVersion.current();

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(REQUEST_ID) == null) {
            request.getHeaders().putSingle(REQUEST_ID, UUID.randomUUID().toString());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var h = response.getHeaders();
        h.putSingle(REQUEST_ID, request.getHeaderString(REQUEST_ID));
        h.putSingle("X-Bacalhau-Git-Version", VERSION.gitVersion());
        h.putSingle("X-Bacalhau-Git-Commit", VERSION.gitCommit());
        h.putSingle("X-Bacalhau-Build-Date", VERSION.buildDate());
        h.putSingle("X-Bacalhau-Build-OS", VERSION.goos());
        h.putSingle("X-Bacalhau-Arch", VERSION.goarch());
    }
}
