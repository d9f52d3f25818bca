package io.bacalao.orchestrator.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Bacalhau's convenience redirects (301): / and /version to the version route, /livez to alive. */
@Path("")
public class RootRedirects {
    @GET
    public Response root() {
        return Response.status(301).location(URI.create("/api/v1/agent/version")).build();
    }

    @GET
    @Path("version")
    public Response version() {
        return root();
    }

    @GET
    @Path("livez")
    public Response livez() {
        return Response.status(301).location(URI.create("/api/v1/agent/alive")).build();
    }
}
