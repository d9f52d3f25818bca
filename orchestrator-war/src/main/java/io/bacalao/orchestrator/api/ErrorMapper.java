package io.bacalao.orchestrator.api;

import io.bacalao.domain.error.ApiError;
import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.error.ErrorCode;
import io.bacalao.domain.spec.SpecException;
import io.bacalao.domain.spec.StoreValidationException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error leaves as Bacalhau's error body (reference §1.2); unexpected ones are logged, never shown, except that
 * one the job store's outage explains answers 503 ({@link StoreOutage}).
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());
    static final String API_SERVER = "APIServer";
    /** Bacalhau's timeout answer text (pkg/publicapi/server.go TimeoutMessage). */
    static final String TIMEOUT_MESSAGE = "Server Timeout!";

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable t = unwrap(thrown);
        ApiError body = switch (t) {
            case BacalaoException b -> error(b.status(), b.getMessage(), b.code().code(), b.component(), b.hint(), null);
            case StoreValidationException s -> error(400, s.getMessage(), "BadRequest", "JobStore", null, null);
            case SpecException s -> error(400, s.getMessage(), "InternalError", API_SERVER, null, null);
            case BoundedInputStream.BodyTooLargeException big -> {
                BacalaoException b = RequestBodyFilter.tooLarge(ApiLimits.configured().maxBodyBytes());
                yield error(b.status(), b.getMessage(), b.code().code(), b.component(), null, null);
            }
            case java.io.IOException io when isReadTimeout(io) -> error(408, TIMEOUT_MESSAGE
                    + ": the request body did not arrive in time", "InternalError", API_SERVER, null, null);
            case MalformedBodyException m -> error(400, "malformed request body: " + m.getMessage(), "InternalError",
                    API_SERVER, null, null);
            case BadParameterException p -> error(400, p.getMessage(), "InternalError", API_SERVER, null, null);
            case NotFoundException n -> error(404, "The requested resource/URL was not found.", "NotFound", API_SERVER,
                    "The server version may be older than this CLI version and does not support the endpoint yet.",
                    Map.of("cli_usage", "check the route and the server version (GET /api/v1/agent/version)"));
            case NotAllowedException n -> error(405, "Method Not Allowed", "InternalError", API_SERVER, null, null);
            case WebApplicationException w -> error(w.getResponse().getStatus(), w.getMessage(), "InternalError",
                    API_SERVER, null, null);
            default -> {
                if (StoreOutage.explains(t, StoreOutage::storeReadyNow)) {
                    LOG.warning(() -> "job store unavailable serving " + requestId() + ": " + t);
                    yield error(503, StoreOutage.MESSAGE, ErrorCode.SERVICE_UNAVAILABLE.code(), "JobStore", StoreOutage.HINT, null);
                }
                LOG.log(Level.SEVERE, "unexpected error serving " + requestId(), t);
                yield error(500, "Internal server error", "InternalError", "Unknown", null, null);
            }
        };
        return Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private ApiError error(int status, String message, String code, String component, String hint,
                           Map<String, String> details) {
        return new ApiError(status, message, requestId(), code, component, hint, details);
    }

    private String requestId() {
        String id = headers == null ? null : headers.getHeaderString(ApiHeaders.REQUEST_ID);
        return id == null ? "" : id;
    }

    /** A worker gave up reading a body that stopped arriving (the listener's read timeout, API.Limits.RequestTimeout). */
    private static boolean isReadTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.util.concurrent.TimeoutException || c instanceof java.net.SocketTimeoutException) return true;
        }
        return false;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BoundedInputStream.BodyTooLargeException) return c;
        }
        while ((cur instanceof EJBException || cur instanceof jakarta.ws.rs.ProcessingException || cur instanceof jakarta.enterprise.inject.CreationException
                || cur instanceof jakarta.transaction.RollbackException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }
}
