package io.bacalao.orchestrator.webui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The UI's files, read once from the class path ({@code webui/}): {@code index.html} for every page route (with
 * the backend origin put into its {@code bacalao-backend} meta tag), and the bundle under {@code /ui/} (with
 * {@code /ui/vendor/js-yaml.mjs}, put there from its WebJar by the build).
 */
final class WebUiAssets {
    /** Routes the browser-side router draws; deep links to jobs, executions and nodes land here. */
    private static final Pattern PAGE = Pattern.compile("/|/(jobs|nodes|submit|dashboard|login)(/[^/]+)*/?");
    private static final Pattern FILE = Pattern.compile("/ui/[a-z0-9-]+(/[a-z0-9-]+)?\\.(js|mjs|css|svg|png)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
            "html", "text/html; charset=utf-8");

    record Asset(byte[] bytes, String contentType, String etag) {
    }

    private final String backend;
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    WebUiAssets(String backend) {
        this.backend = backend;
    }

    /** Paths the UI answers on its listener; others (the API, health) pass through. */
    static boolean isUiPath(String path) {
        return PAGE.matcher(path).matches() || path.startsWith("/ui/");
    }

    /** The asset for a UI path, or null when there is none. */
    Asset find(String path) {
        if (PAGE.matcher(path).matches()) return cache.computeIfAbsent("index.html", this::index);
        if (!FILE.matcher(path).matches()) return null;
        return cache.computeIfAbsent(path.substring("/ui/".length()), name -> {
            byte[] bytes = read(name);
            return bytes == null ? null : asset(bytes, name);
        });
    }

    private Asset index(String name) {
        String html = new String(read(name), StandardCharsets.UTF_8)
                .replace("content=\"\" name=\"bacalao-backend\"", "content=\"" + attribute(backend) + "\" name=\"bacalao-backend\"");
        return asset(html.getBytes(StandardCharsets.UTF_8), name);
    }

    private static Asset asset(byte[] bytes, String name) {
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Asset(bytes, type, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = WebUiAssets.class.getClassLoader().getResourceAsStream("webui/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
