package io.bacalao.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JDK HTTP server on 127.0.0.1 with canned answers per "METHOD path" (query ignored); everything else is a
 * Bacalhau-style 404. Records each request line and body.
 */
public final class FakeOrchestrator implements AutoCloseable {
    public record Answer(int status, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> bodies = new CopyOnWriteArrayList<>();

    public FakeOrchestrator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            Answer a = answers.getOrDefault(key, new Answer(404, "application/json",
                    "{\"Status\":404,\"Message\":\"not found: %s\",\"Code\":\"NotFound\"}".formatted(key).getBytes(StandardCharsets.UTF_8)));
            exchange.getResponseHeaders().set("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            if (a.body().length > 0) exchange.getResponseBody().write(a.body());
            exchange.close();
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public FakeOrchestrator json(String method, String path, String json) {
        answers.put(method + " " + path, new Answer(200, "application/json", json.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Answers with a status and a JSON body, e.g. Bacalhau's error body. */
    public FakeOrchestrator json(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public FakeOrchestrator bytes(String path, byte[] body) {
        answers.put("GET " + path, new Answer(200, "application/gzip", body));
        return this;
    }

    public FakeOrchestrator status(String method, String path, int status) {
        answers.put(method + " " + path, new Answer(status, "text/plain", new byte[0]));
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
