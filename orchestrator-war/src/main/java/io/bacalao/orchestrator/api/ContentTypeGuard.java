package io.bacalao.orchestrator.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/**
 * A Content-Type header that is not a media type at all ({@code ///}) makes JAX-RS answer with the server's HTML
 * error page before any API filter runs; this refuses it first with 415 and the error body. Well-formed types that are
 * not JSON are left to {@link RequestBodyFilter}, after the rate limit and CORS checks.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ContentTypeGuard extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getHeader("Content-Type");
        if (type != null && !readable(type)) {
            ServletErrors.write(request, response, 415, "InternalError", "Unsupported Media Type: Content-Type "
                    + QueryParams.shorten(type) + " is not a media type; send the body as application/json", null);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean readable(String type) {
        try {
            MediaType.valueOf(type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
