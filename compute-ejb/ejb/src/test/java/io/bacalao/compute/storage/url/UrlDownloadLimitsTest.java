package io.bacalao.compute.storage.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import io.bacalao.compute.storage.InputLimits;
import io.bacalao.compute.storage.Mount;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.compute.testing.LoopbackHttpServer;
import io.bacalao.domain.archive.UnpackLimits;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.SpecConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * urlDownload against a real HTTP server on 127.0.0.1: the body ceiling (declared or chunked), the redirect
 * ceiling and the schemes a redirect may lead to, and names from Content-Disposition that try to escape.
 */
class UrlDownloadLimitsTest {
    private static final Duration GENEROUS = Duration.ofSeconds(10);
    private static final InputLimits SMALL = new InputLimits(1000, 2, 1000, new UnpackLimits(1000, 10));

    @TempDir
    Path tmp;
    private Path inputDir;
    private LoopbackHttpServer server;
    private final UrlDownloadStorage storage = new UrlDownloadStorage(d -> { });

    @BeforeEach
    void startServer() throws IOException {
        inputDir = tmp.resolve("inputs/0");
        server = new LoopbackHttpServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
        storage.close();
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitFailsWithoutRetryAndLeavesNothing() throws Exception {
        AtomicInteger calls = serve("/big.bin", body(1001, false));

        StorageException e = assertThrows(StorageException.class, () -> download("/big.bin"));

        assertEquals("failed to download " + url("/big.bin") + ": the body is larger than 1000 bytes"
                + " (InputSources.MaxDownloadBytes)", e.getMessage());
        assertEquals(1, calls.get());
        assertEquals(List.of(), list(inputDir));
    }

    @Test
    void aChunkedBodyIsCutAtTheLimit() throws Exception {
        serve("/stream.bin", body(50_000, true));

        StorageException e = assertThrows(StorageException.class, () -> download("/stream.bin"));

        assertTrue(e.getMessage().endsWith("the body is larger than 1000 bytes (InputSources.MaxDownloadBytes)"), e.getMessage());
        assertEquals(List.of(), list(inputDir));
    }

    @Test
    void aBodyAtTheLimitIsDownloaded() throws Exception {
        serve("/ok.bin", body(1000, true));

        assertEquals(1000, Files.size(download("/ok.bin").hostPath()));
    }

    @Test
    void redirectsAreCounted() throws Exception {
        serve("/r1", redirect("/r2"));
        serve("/r2", redirect("/r3"));
        serve("/r3", redirect("/final.txt"));
        serve("/final.txt", body(10, false));

        StorageException e = assertThrows(StorageException.class, () -> download("/r1"));
        assertEquals("failed to download " + url("/r1") + ": more than 2 redirects (InputSources.MaxRedirects)", e.getMessage());
        assertEquals("/in/final.txt", download("/r2").target());
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() throws Exception {
        for (String to : List.of("file:///etc/passwd", "jar:file:///x.jar!/a", "ftp://127.0.0.1/x")) {
            serve("/to-" + to.substring(0, to.indexOf(':')), redirect(to));
            StorageException e = assertThrows(StorageException.class, () -> download("/to-" + to.substring(0, to.indexOf(':'))));
            assertTrue(e.getMessage().contains("only http and https URLs are supported"), e.getMessage());
        }
        assertEquals(List.of(), list(inputDir));
    }

    @Test
    void onlyHttpAndHttpsUrlsAreFetched() {
        for (String url : List.of("file:///etc/passwd", "jar:file:///x.jar!/a", "ftp://example.com/x", "gopher://x/")) {
            StorageException e = assertThrows(StorageException.class, () -> storage.prepare(input(url), context()));
            assertEquals("cannot download " + url + ": only http and https URLs are supported", e.getMessage());
        }
    }

    @Test
    void contentDispositionNamesNeverLeaveTheInputDirectory() throws Exception {
        String longName = "n".repeat(300) + ".txt";
        Map<String, String> names = Map.of(
                "attachment; filename=\"../../x\"", "x",
                "attachment; filename=\"/etc/passwd\"", "passwd",
                "attachment; filename*=UTF-8''a%00b", "ab",
                "attachment; filename*=UTF-8''..%2F..%2Fy", "y",
                "attachment; filename*=UTF-8''%00", "",
                "attachment; filename=\"..\"", "",
                "attachment; filename=\"" + longName + "\"", "");
        int i = 0;
        for (Map.Entry<String, String> n : names.entrySet()) {
            String path = "/cd" + i++ + "/";
            serve(path, header("Content-Disposition", n.getKey(), body(3, false)));
            Path dir = tmp.resolve("cd" + i);
            Mount m = storage.prepare(input(url(path)), new StorageContext(dir, 0, GENEROUS, List.of(), SMALL));
            assertEquals(dir, m.hostPath().getParent(), n.getKey());
            String name = m.hostPath().getFileName().toString();
            if (n.getValue().isEmpty()) {
                assertTrue(name.matches("[0-9a-f-]{36}"), n.getKey() + " -> " + name);
            } else {
                assertEquals(n.getValue(), name, n.getKey());
            }
        }
        try (Stream<Path> all = Files.walk(tmp)) {
            assertEquals(List.of(), all.filter(p -> Files.isRegularFile(p) && !p.getParent().getFileName().toString()
                    .startsWith("cd")).toList());
        }
    }

    @Test
    void aRawNulInAHeaderFailsTheDownloadAndWritesNothing() throws Exception {
        serve("/nul/", header("Content-Disposition", "attachment; filename=\"a\u0000b\"", body(3, false)));

        StorageException e = assertThrows(StorageException.class, () -> download("/nul/"));

        assertTrue(e.getMessage().contains("Invalid header value"), e.getMessage());
        assertEquals(List.of(), list(inputDir));
    }

    private Mount download(String path) throws StorageException {
        return storage.prepare(input(url(path)), context());
    }

    private StorageContext context() {
        return new StorageContext(inputDir, 3, GENEROUS, List.of(), SMALL);
    }

    private static InputSource input(String url) {
        return new InputSource(SpecConfig.of("urlDownload", Map.of("URL", url)), "", "/in");
    }

    private String url(String path) {
        return server.url(path);
    }

    private AtomicInteger serve(String path, HttpHandler handler) {
        return server.serve(path, handler);
    }

    /** {@code size} bytes, with a Content-Length or chunked. */
    private static HttpHandler body(int size, boolean chunked) {
        return exchange -> {
            exchange.sendResponseHeaders(200, chunked ? 0 : size);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[size]);
            } catch (IOException ignored) {
                // the client hung up at its limit
            }
        };
    }

    private static HttpHandler redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        };
    }

    private static HttpHandler header(String name, String value, HttpHandler then) {
        return exchange -> {
            exchange.getResponseHeaders().add(name, value);
            then.handle(exchange);
        };
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
