package io.bacalao.orchestrator.api;

import io.bacalao.domain.error.ApiError;
import io.bacalao.domain.error.ErrorCode;
import io.bacalao.orchestrator.health.BrokerDisk;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses a change (a submit, stop, rerun, node action: any PUT, POST or DELETE of the orchestrator API) with 503
 * while the embedded broker's disk is at its limit ({@link BrokerDisk}): its messages could not be sent, and the
 * request would hang or leave the job waiting for a send that blocks. Reads go on. Runs after the authoriser.
 */
@Provider
@Priority(ApiFilterOrder.AUTH + 100)
public class BrokerDiskGate implements ContainerRequestFilter {
    private static final Set<String> CHANGES = Set.of("PUT", "POST", "DELETE");

    @Inject
    BrokerDisk disk;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!CHANGES.contains(request.getMethod())) return;
        if (!request.getUriInfo().getPath().startsWith("api/v1/orchestrator/")) return;
        disk.problem().ifPresent(problem -> {
            ErrorCode code = ErrorCode.SERVICE_UNAVAILABLE;
            String requestId = request.getHeaderString(ApiHeaders.REQUEST_ID);
            ApiError body = new ApiError(code.status(), problem + "; nothing was changed",
                    requestId == null ? "" : requestId, code.code(), "Broker", null, null);
            request.abortWith(Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
        });
    }
}
