package io.bacalao.compute.storage.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.bacalao.compute.storage.Mount;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.compute.testing.LoopbackHttpServer;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.SpecConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlDownloadStorageTest {
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    @TempDir
    Path tmp;
    private Path inputDir;
    private LoopbackHttpServer server;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final UrlDownloadStorage storage = new UrlDownloadStorage(pauses::add);

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
    void theBodyBecomesAFileNamedAfterTheLastPathSegment() throws Exception {
        serve("/files/script.py", ok("print('hi')\n"));

        Mount mount = storage.prepare(input(url("/files/script.py"), "/inputs"), context(3, GENEROUS));

        assertEquals(new Mount(inputDir.resolve("script.py"), "/inputs/script.py", false), mount);
        assertEquals("print('hi')\n", Files.readString(mount.hostPath()));
        assertEquals(List.of(inputDir.resolve("script.py")), list(inputDir));
    }

    @Test
    void aTargetWithATrailingSlashGetsNoDoubleSlash() throws Exception {
        serve("/data.csv", ok("a,b\n"));

        Mount mount = storage.prepare(input(url("/data.csv"), "/inputs/"), context(0, GENEROUS));

        assertEquals("/inputs/data.csv", mount.target());
    }

    @Test
    void withoutANameInThePathContentDispositionNamesTheFile() throws Exception {
        serve("/download/", withHeader("Content-Disposition", "attachment; filename=\"report 2026.txt\"", ok("x")));

        Mount mount = storage.prepare(input(url("/download/"), "/in"), context(0, GENEROUS));

        assertEquals(inputDir.resolve("report 2026.txt"), mount.hostPath());
        assertEquals("/in/report 2026.txt", mount.target());
    }

    @Test
    void anExtendedContentDispositionFilenameWins() throws Exception {
        serve("/d/", withHeader("Content-Disposition",
                "attachment; filename=\"plain.txt\"; filename*=UTF-8''na%C3%AFve%20file.txt", ok("x")));

        Mount mount = storage.prepare(input(url("/d/"), "/in"), context(0, GENEROUS));

        assertEquals(inputDir.resolve("naïve file.txt"), mount.hostPath());
    }

    @Test
    void aContentDispositionPathCannotLeaveTheInputDirectory() throws Exception {
        serve("/d/", withHeader("Content-Disposition", "attachment; filename=\"../../../etc/passwd\"", ok("x")));

        Mount mount = storage.prepare(input(url("/d/"), "/in"), context(0, GENEROUS));

        assertEquals(inputDir.resolve("passwd"), mount.hostPath());
        assertEquals(List.of(inputDir.resolve("passwd")), list(inputDir));
    }

    @Test
    void withoutAnyNameTheFileGetsAUuid() throws Exception {
        serve("/", ok("anonymous"));

        Mount mount = storage.prepare(input(url("/"), "/in"), context(0, GENEROUS));

        assertTrue(mount.hostPath().getFileName().toString().matches("[0-9a-f-]{36}"), mount.hostPath().toString());
        assertEquals(inputDir, mount.hostPath().getParent());
        assertEquals("anonymous", Files.readString(mount.hostPath()));
    }

    @Test
    void redirectsAreFollowedAndTheFinalUrlNamesTheFile() throws Exception {
        serve("/latest", exchange -> {
            exchange.getResponseHeaders().add("Location", "/releases/v2/tool.tar.gz");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        serve("/releases/v2/tool.tar.gz", ok("tool"));

        Mount mount = storage.prepare(input(url("/latest"), "/in"), context(0, GENEROUS));

        assertEquals("/in/tool.tar.gz", mount.target());
        assertEquals("tool", Files.readString(mount.hostPath()));
    }

    @Test
    void notFoundFailsAtOnceWithoutRetrying() throws Exception {
        AtomicInteger calls = serve("/missing.py", status(404));

        StorageException e = assertThrows(StorageException.class,
                () -> storage.prepare(input(url("/missing.py"), "/in"), context(3, GENEROUS)));

        assertEquals("failed to download " + url("/missing.py") + ": HTTP 404 Not Found", e.getMessage());
        assertEquals(1, calls.get());
        assertEquals(List.of(), pauses);
        assertEquals(List.of(), list(inputDir));
    }

    @Test
    void aServerErrorIsRetriedWithDoublingBackoffUntilItSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        serve("/flaky.txt", exchange -> {
            if (calls.incrementAndGet() <= 2) status(500).handle(exchange);
            else ok("finally").handle(exchange);
        });

        Mount mount = storage.prepare(input(url("/flaky.txt"), "/in"), context(3, GENEROUS));

        assertEquals("finally", Files.readString(mount.hostPath()));
        assertEquals(3, calls.get());
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400)), pauses);
        assertEquals(List.of(inputDir.resolve("flaky.txt")), list(inputDir));
    }

    @Test
    void aServerErrorThatPersistsFailsAfterMaxRetries() throws Exception {
        AtomicInteger calls = serve("/down.txt", status(503));

        StorageException e = assertThrows(StorageException.class,
                () -> storage.prepare(input(url("/down.txt"), "/in"), context(2, GENEROUS)));

        assertEquals("failed to download " + url("/down.txt") + ": HTTP 503 Service Unavailable (after 3 attempts)",
                e.getMessage());
        assertEquals(3, calls.get());
    }

    @Test
    void aServerThatDoesNotAnswerInTimeFailsWithTheTimeout() {
        serve("/slow.txt", exchange -> {
            sleep(Duration.ofSeconds(5));
            ok("late").handle(exchange);
        });
        long start = System.nanoTime();

        StorageException e = assertThrows(StorageException.class,
                () -> storage.prepare(input(url("/slow.txt"), "/in"), context(1, Duration.ofMillis(300))));

        assertEquals("failed to download " + url("/slow.txt") + ": no answer within 300ms (after 2 attempts)",
                e.getMessage());
        assertEquals(List.of(Duration.ofMillis(200)), pauses);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(4)) < 0);
    }

    @Test
    void aBodyThatTricklesPastTheTimeoutFailsToo() throws Exception {
        serve("/trickle.bin", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("first bytes".getBytes(StandardCharsets.UTF_8));
            out.flush();
            sleep(Duration.ofSeconds(5));
            exchange.close();
        });

        StorageException e = assertThrows(StorageException.class,
                () -> storage.prepare(input(url("/trickle.bin"), "/in"), context(0, Duration.ofMillis(300))));

        assertEquals("failed to download " + url("/trickle.bin") + ": no answer within 300ms", e.getMessage());
        assertEquals(List.of(), list(inputDir));
    }

    @Test
    void aRefusedConnectionIsRetriedAndNamesTheAddress() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/x.txt";

        StorageException e = assertThrows(StorageException.class,
                () -> storage.prepare(input(url, "/in"), context(1, GENEROUS)));

        assertEquals("failed to download " + url + ": cannot connect to 127.0.0.1:" + closedPort + " (after 2 attempts)",
                e.getMessage());
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAccepted() {
        for (String url : List.of("ftp://example.com/x", "file:///etc/passwd", "s3://bucket/key", "no-scheme/x")) {
            StorageException e = assertThrows(StorageException.class,
                    () -> storage.prepare(input(url, "/in"), context(0, GENEROUS)));
            assertEquals("cannot download " + url + ": only http and https URLs are supported", e.getMessage());
        }
        assertFalse(Files.exists(inputDir));
    }

    @Test
    void anInputWithoutUrlSaysSo() {
        InputSource noUrl = new InputSource(SpecConfig.of("urlDownload"), "", "/in");

        StorageException e = assertThrows(StorageException.class, () -> storage.prepare(noUrl, context(0, GENEROUS)));

        assertEquals("urlDownload input for /in has no URL", e.getMessage());
    }

    @Test
    void theUrlParamIsFoundWhateverItsCase() throws Exception {
        serve("/a.txt", ok("a"));
        InputSource lower = new InputSource(SpecConfig.of("urldownload", Map.of("url", url("/a.txt"))), "", "/in");

        assertEquals("/in/a.txt", storage.prepare(lower, context(0, GENEROUS)).target());
    }

    private StorageContext context(int maxRetries, Duration readTimeout) {
        return new StorageContext(inputDir, maxRetries, readTimeout, List.of());
    }

    private static InputSource input(String url, String target) {
        return new InputSource(SpecConfig.of("urlDownload", Map.of("URL", url)), "", target);
    }

    private String url(String path) {
        return server.url(path);
    }

    private AtomicInteger serve(String path, HttpHandler handler) {
        return server.serve(path, handler);
    }

    private static HttpHandler ok(String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    private static HttpHandler status(int code) {
        return exchange -> {
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        };
    }

    private static HttpHandler withHeader(String name, String value, HttpHandler then) {
        return (HttpExchange exchange) -> {
            exchange.getResponseHeaders().add(name, value);
            then.handle(exchange);
        };
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
