package io.bacalao.domain.ipfs;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The multipart body of Kubo's {@code add} as its own clients send it: one part per regular file, its
 * {@code filename} the URL-encoded path relative to the added folder, and one {@code application/x-directory} part
 * per folder, parents before children. File contents are streamed from disk, not held in memory. Symbolic links and
 * other special files are left out (as the results archive of the other publishers leaves them out).
 */
final class AddRequestBody {
    private final String boundary = "bacalao-" + UUID.randomUUID();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
    private int entries;

    /** The entries of {@code dir} (not {@code dir} itself), for an add with {@code wrap-with-directory}. */
    static AddRequestBody ofFolderEntries(Path dir) throws IOException {
        AddRequestBody body = new AddRequestBody();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
        }
        for (Path p : paths) {
            String name = dir.relativize(p).toString().replace('\\', '/');
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) body.directory(name);
            else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) body.file(name, p);
        }
        return body;
    }

    /** One file, or one empty folder, under {@code name}. */
    static AddRequestBody ofSingle(String name, Path path) throws IOException {
        AddRequestBody body = new AddRequestBody();
        if (Files.isDirectory(path)) body.directory(name);
        else body.file(name, path);
        return body;
    }

    private void directory(String name) {
        parts.add(HttpRequest.BodyPublishers.ofString(header(name, "application/x-directory")));
        entries++;
    }

    private void file(String name, Path file) throws IOException {
        parts.add(HttpRequest.BodyPublishers.ofString(header(name, "application/octet-stream")));
        parts.add(HttpRequest.BodyPublishers.ofFile(file));
        entries++;
    }

    private String header(String name, String type) {
        // URLEncoder writes a space as '+', which only form decoders read back; %20 reads back everywhere
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return (parts.isEmpty() ? "" : "\r\n") + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + encoded + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n";
    }

    int entries() {
        return entries;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
        all.add(HttpRequest.BodyPublishers.ofString((parts.isEmpty() ? "" : "\r\n") + "--" + boundary + "--\r\n"));
        return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }
}
