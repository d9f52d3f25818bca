package io.bacalao.domain.ipfs;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.archive.TarGz;
import io.bacalao.domain.archive.UnpackLimits;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * A client of the Kubo RPC HTTP API (https://docs.ipfs.tech/reference/kubo/rpc/), the commands Bacalhau's IPFS
 * storage, publisher and downloader use: {@code add}, {@code get}, {@code cat}, {@code id}, {@code version}. Every
 * command is a POST, as Kubo requires. Each call is limited by {@code timeout} until the node starts answering
 * (null or non-positive: no limit). Failures are {@link KuboException}s whose message names the endpoint and, when
 * the node answered with an error, its {@code Message}. No credentials: Kubo's RPC API has none by default.
 */
public final class KuboClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final KuboEndpoint endpoint;
    private final HttpClient http;

    public KuboClient(KuboEndpoint endpoint, HttpClient http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    /** A client with its own HTTP client; @throws IllegalArgumentException for an endpoint of neither form. */
    public static KuboClient of(String endpoint) {
        return new KuboClient(KuboEndpoint.parse(endpoint),
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public KuboEndpoint endpoint() {
        return endpoint;
    }

    /** Kubo's {@code version}: the node's version string; the cheapest way to see that it answers. */
    public String version(Duration timeout) throws IOException, InterruptedException {
        return json("version", "", timeout).path("Version").asText();
    }

    /** Kubo's {@code id}: the node's peer ID. */
    public String id(Duration timeout) throws IOException, InterruptedException {
        return json("id", "", timeout).path("ID").asText();
    }

    /**
     * Adds a file, or a folder with {@code wrap-with-directory} (its entries wrapped in one directory, so the CID is
     * that of the folder as {@code ipfs add -r} gives it), with Kubo's default settings (CIDv0, 256 KiB chunks,
     * pinned). Returns the root CID.
     */
    public String add(Path fileOrFolder, Duration timeout) throws IOException, InterruptedException {
        boolean folder = Files.isDirectory(fileOrFolder);
        AddRequestBody body = folder ? AddRequestBody.ofFolderEntries(fileOrFolder) : null;
        boolean wrap = body != null && body.entries() > 0;
        if (!wrap) body = AddRequestBody.ofSingle(name(fileOrFolder), fileOrFolder);
        HttpRequest request = request("add", wrap ? "wrap-with-directory=true&pin=true" : "pin=true", timeout)
                .header("Content-Type", body.contentType()).POST(body.publisher()).build();
        String answer = send(request, HttpResponse.BodyHandlers.ofString()).body();
        String root = null;
        for (String line : answer.split("\n")) {
            if (line.isBlank()) continue;
            JsonNode entry = Json.mapper().readTree(line);
            if (entry.hasNonNull("Hash")) root = entry.get("Hash").asText();
        }
        if (root == null) throw new KuboException("the IPFS node at " + endpoint + " returned no CID for add", false, null);
        return root;
    }

    /** The bytes of the file at {@code path} ({@code CID} or {@code CID/sub/path}); for small files. */
    public byte[] cat(String path, Duration timeout) throws IOException, InterruptedException {
        return send(request("cat", "arg=" + encode(path), timeout).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /**
     * Kubo's {@code get}: the file or tree at {@code path} ({@code CID} or {@code CID/sub/path}) written to
     * {@code target}, which must not exist yet: a file becomes the file {@code target}, a directory the folder
     * {@code target} with its tree. The transfer is unpacked under {@code limits} and moved into place only when
     * complete; on failure nothing is left at {@code target}.
     */
    public void get(String path, Path target, UnpackLimits limits, Duration timeout) throws IOException, InterruptedException {
        if (Files.exists(target)) throw new IOException("cannot fetch " + path + ": " + target + " exists already");
        Path parent = Files.createDirectories(target.toAbsolutePath().getParent());
        Path staging = Files.createDirectory(parent.resolve(".ipfs-get-" + UUID.randomUUID()));
        try {
            HttpRequest request = request("get", "arg=" + encode(path) + "&archive=false&compress=false", timeout)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            try (InputStream tar = send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
                TarGz.unpackTar(tar, staging, limits);
            }
            Path fetched = staging.resolve(path).normalize();
            if (!fetched.startsWith(staging) || !Files.exists(fetched)) {
                throw new KuboException("the IPFS node at " + endpoint + " sent no " + path, false, null);
            }
            Files.move(fetched, target);
        } finally {
            deleteTree(staging);
        }
    }

    private JsonNode json(String command, String query, Duration timeout) throws IOException, InterruptedException {
        String body = send(request(command, query, timeout).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return Json.mapper().readTree(body);
    }

    private HttpRequest.Builder request(String command, String query, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.command(command, query));
        if (timeout != null && timeout.isPositive()) b.timeout(timeout);
        return b;
    }

    /** Sends, turning connection failures and error answers into {@link KuboException}s. */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<T> response;
        try {
            response = http.send(request, info -> info.statusCode() == 200 ? handler.apply(info)
                    : mapped(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8)));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new KuboException("the IPFS node at " + endpoint + " cannot be reached ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", true, e);
        } catch (HttpTimeoutException e) {
            throw new KuboException("the IPFS node at " + endpoint + " did not answer in time", false, e);
        }
        if (response.statusCode() != 200) {
            throw new KuboException("the IPFS node at " + endpoint + " answered " + errorOf(response), false, null);
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    private static <T> HttpResponse.BodySubscriber<T> mapped(HttpResponse.BodySubscriber<String> s) {
        return (HttpResponse.BodySubscriber<T>) s;
    }

    /** Kubo's error body is {@code {"Message": …, "Code": 0, "Type": "error"}}; anything else is quoted shortly. */
    private static String errorOf(HttpResponse<?> response) {
        String body = String.valueOf(response.body()).strip();
        try {
            JsonNode error = Json.mapper().readTree(body);
            if (error != null && error.hasNonNull("Message")) return "\"" + error.get("Message").asText() + "\"";
        } catch (IOException notJson) {
            // quoted below
        }
        return "HTTP " + response.statusCode() + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
    }

    private static String encode(String arg) {
        return URLEncoder.encode(arg, StandardCharsets.UTF_8);
    }

    private static String name(Path p) {
        Path name = p.toAbsolutePath().normalize().getFileName();
        return name == null ? "root" : name.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
