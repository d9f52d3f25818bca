package io.bacalao.orchestrator.api;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.error.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Set;

/**
 * Request bodies as Bacalhau takes them: at most {@code API.Limits.MaxBodyBytes} (413 when the declared length is
 * larger, or as soon as a chunked body passes it) and JSON only on writes (415 for any other Content-Type; a write
 * without a body needs none).
 */
@Provider
@PreMatching
@Priority(ApiFilterOrder.BODY)
public class RequestBodyFilter implements ContainerRequestFilter {
    private static final Set<String> WRITES = Set.of("PUT", "POST", "DELETE", "PATCH");
    private final long max;

    public RequestBodyFilter() {
        this(ApiLimits.configured().maxBodyBytes());
    }

    RequestBodyFilter(long max) {
        this.max = max;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long declared = request.getLength();
        if (declared > max) throw tooLarge(max);
        boolean hasBody = declared > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (!hasBody) return;
        if (WRITES.contains(request.getMethod()) && !isJson(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            throw new BacalaoException(ErrorCode.INTERNAL_ERROR, 415, ErrorMapper.API_SERVER,
                    "Unsupported Media Type: send the body as application/json", null);
        }
        request.setEntityStream(new BoundedInputStream(request.getEntityStream(), max));
    }

    static BacalaoException tooLarge(long max) {
        return new BacalaoException(ErrorCode.INTERNAL_ERROR, 413, ErrorMapper.API_SERVER,
                "Request Entity Too Large: the body may have at most " + max + " bytes", null);
    }

    /** Bacalhau's binder test: the media type starts with application/json (parameters such as charset allowed). */
    static boolean isJson(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("application/json");
    }
}
