package io.bacalao.orchestrator.api;

import io.bacalao.domain.auth.Decision;
import io.bacalao.domain.auth.EntryPointAuthorizer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The entry-point authoriser on the REST API (docs/auth.md): when {@code API.Auth} configures users or an OAuth2
 * provider, a request to a protected route needs a credential granting its capability (401 without one, 403
 * when it lacks the capability, with Bacalhau's bodies). Runs after the body and rate limits and CORS (so browser
 * preflights are answered), before the client-version gate, as in Bacalhau's middleware chain.
 */
@Provider
@PreMatching
@Priority(ApiFilterOrder.AUTH)
public class AuthFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        EntryPointAuthorizer authorizer = ApiAuth.authorizer();
        if (authorizer == null) return;
        String path = request.getUriInfo().getRequestUri().getPath();
        Decision d = authorizer.authorize(request.getMethod(), path, request.getHeaderString("Authorization"));
        if (d.approved()) return;
        var body = ApiAuth.refusal(d, request.getMethod(), path, request.getHeaderString(ApiHeaders.REQUEST_ID));
        request.abortWith(Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }
}
