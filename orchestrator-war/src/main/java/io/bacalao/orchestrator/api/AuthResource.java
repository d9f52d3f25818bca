package io.bacalao.orchestrator.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/auth}: the authentication methods of Bacalhau's older token flow (reference §8.3). Bacalao
 * offers none of them: callers authenticate with Basic credentials, an API key or an OAuth2 JWT (docs/auth.md).
 * An empty list is what Bacalhau's CLI needs to say "the orchestrator supports the new authentication method.
 * Please login using username/password, API key, or thorugh SSO" instead of trying a challenge.
 */
@Path("api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    @GET
    public Map<String, Object> methods() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("NextToken", "");
        body.put("Methods", Map.of());
        return body;
    }
}
