package io.bacalao.orchestrator.api;

import io.bacalao.domain.error.ApiError;
import io.bacalao.domain.spec.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Bacalhau's error body written by a servlet filter, for refusals that must happen before JAX-RS sees the request. */
final class ServletErrors {
    private ServletErrors() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
                      String message, String hint) throws IOException {
        String id = request.getHeader(ApiHeaders.REQUEST_ID);
        if (id == null) id = UUID.randomUUID().toString();
        ApiError body = new ApiError(status, message, id, code, ErrorMapper.API_SERVER, hint, null);
        response.setStatus(status);
        response.setHeader(ApiHeaders.REQUEST_ID, id);
        response.setContentType("application/json");
        response.getOutputStream().write(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }
}
