package io.bacalao.orchestrator.webui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the Web UI on its own listener (docs/webui.md): page routes get {@code index.html} (the pages are built
 * in the browser), {@code /ui/…} the bundled files; everything else on that listener, and every request on the
 * API listener, passes on to the API unchanged. Every UI answer carries the strict {@link WebUiSettings#contentSecurityPolicy}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class WebUiFilter extends HttpFilter {
    private final WebUiSettings settings = WebUiSettings.configured();
    private final WebUiAssets assets = new WebUiAssets(settings.backend());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        if (!settings.enabled() || request.getLocalPort() != settings.port() || !WebUiAssets.isUiPath(path)
                || !(request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
            chain.doFilter(request, response);
            return;
        }
        WebUiAssets.Asset asset = assets.find(path);
        response.setHeader("Content-Security-Policy", settings.contentSecurityPolicy());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
        if (asset == null) {
            response.sendError(404);
            return;
        }
        response.setHeader("ETag", asset.etag());
        if (asset.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        response.setContentType(asset.contentType());
        response.setContentLength(asset.bytes().length);
        if (request.getMethod().equals("GET")) response.getOutputStream().write(asset.bytes());
    }
}
