package io.bacalao.compute.publisher.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.signing.UrlSigner;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Serves locally published results over HTTP on {@code Publishers.Types.Local.Port}, bound to the node's
 * {@code API.Host}. Only {@code GET /<execID>.tar.gz?expires=…&signature=…} of files in the publisher's directory
 * is answered, and only while the URL's signature ({@link ResultUrls}) is valid: an unsigned, expired or altered
 * URL gets 403 with the reason as a plain-text body (docs/tls.md).
 */
@Startup
@Singleton
public class LocalResultServer {
    private static final Logger LOG = Logger.getLogger(LocalResultServer.class.getName());
    private static final Pattern NAME = Pattern.compile("^/[A-Za-z0-9._-]+\\.tar\\.gz$");

    @Inject
    ComputeSettings settings;
    @Inject
    ResultUrls urls;
    private HttpServer server;

    @PostConstruct
    void start() {
        String host = settings.config().get(ConfigKeys.API_HOST);
        int port = settings.config().getInt(ConfigKeys.LOCAL_PUBLISHER_PORT);
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
            server.createContext("/", this::serve);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "local-results");
                t.setDaemon(true);
                return t;
            }));
            server.start();
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot serve local results on " + host + ":" + port
                    + " (Publishers.Types.Local.Port); the local publisher's URLs will not answer", e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Path file = LocalPublisher.directory(settings).resolve(path.length() > 1 ? path.substring(1) : "-");
            if (!"GET".equals(exchange.getRequestMethod()) || !NAME.matcher(path).matches()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            // checked before the file's existence, so an unsigned request learns nothing about which results exist
            UrlSigner.Verdict verdict = urls.signer().verify(path, exchange.getRequestURI().getRawQuery());
            if (verdict != UrlSigner.Verdict.VALID) {
                byte[] body = ("403 Forbidden: " + verdict.reason() + "\n").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(403, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/gzip");
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (server != null) server.stop(0);
    }
}
