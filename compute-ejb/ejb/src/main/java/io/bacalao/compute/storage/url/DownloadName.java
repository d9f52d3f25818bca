package io.bacalao.compute.storage.url;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The file name a download is stored under: the last segment of the final (post-redirect) URL's path, else the
 * {@code Content-Disposition} filename ({@code filename*=} preferred), else a random UUID. The result is always a
 * single path segment: no '/', '\', NUL or control characters, never "." or "..", at most {@value #MAX_LENGTH}
 * bytes in UTF-8 (file systems allow 255) — so {@code inputDir.resolve(name)} stays inside {@code inputDir}.
 */
final class DownloadName {
    static final int MAX_LENGTH = 200;

    private DownloadName() {
    }

    static String of(URI finalUri, Optional<String> contentDisposition) {
        return safe(lastSegment(finalUri.getPath()))
                .or(() -> contentDisposition.flatMap(DownloadName::fromContentDisposition).flatMap(DownloadName::safe))
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    private static String lastSegment(String path) {
        if (path == null || path.isEmpty() || path.endsWith("/")) return "";
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A name reduced to its last segment and stripped of characters no file name should have; empty if unusable. */
    static Optional<String> safe(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> !Character.isISOControl(c)).forEach(b::appendCodePoint);
        String name = b.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")
                || name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** RFC 6266: {@code filename*=UTF-8''x%20y.txt} wins over {@code filename="x y.txt"}. */
    static Optional<String> fromContentDisposition(String header) {
        String plain = null;
        String extended = null;
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            if (key.equals("filename*")) {
                int quote = value.indexOf("''");
                if (quote >= 0) {
                    try {
                        extended = URLDecoder.decode(value.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException ignored) {
                        // a malformed extended value falls back to the plain filename
                    }
                }
            } else if (key.equals("filename")) {
                plain = unquote(value);
            }
        }
        return Optional.ofNullable(extended != null ? extended : plain);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }
}
