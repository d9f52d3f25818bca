package io.bacalao.cli.launch;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether Docker jobs can run on this machine, told once when devstack starts: the compute nodes use the engine of
 * {@code DOCKER_HOST} (default {@code unix:///var/run/docker.sock}) and advertise the docker engine while it
 * answers Docker's {@code GET /_ping} (asked again every 10 s); this asks the same question the same way, with a
 * 2 s limit.
 */
final class DockerCheck {
    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    private static final int TIMEOUT_MS = 2000;

    /** The answer: whether Docker jobs will run and, when not, why and what to do. */
    record Result(boolean available, String message) {
    }

    private DockerCheck() {
    }

    static Result run(Map<String, String> env) {
        String host = env.getOrDefault("DOCKER_HOST", DEFAULT_HOST).trim();
        String why;
        try {
            if (host.startsWith("unix://")) {
                Path socket = Path.of(host.substring("unix://".length()));
                if (!Files.exists(socket)) {
                    return missing(host, "no Docker engine is running (" + socket + " does not exist)");
                }
                why = pingUnix(socket);
            } else {
                why = pingTcp(host);
            }
        } catch (AccessDeniedException e) {
            why = "permission denied on " + host + " (add your user to the docker group, or run as root)";
        } catch (IOException e) {
            why = "no answer from " + host + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
        }
        if (why == null) return new Result(true, "Docker jobs: yes, the Docker engine at " + host + " answers.");
        return missing(host, why);
    }

    private static Result missing(String host, String why) {
        return new Result(false, "Docker jobs: no, " + why + ". noop and wasm jobs run; for Docker jobs start an engine"
                + " (apt-get install -y docker.io, then dockerd &): the compute nodes offer docker within 10 s of it"
                + " answering, without a restart.");
    }

    /** Null when the engine answers OK, otherwise what it answered. */
    private static String pingUnix(Path socket) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            // a blocking channel has no read timeout: read on a virtual thread and give up after TIMEOUT_MS
            var answer = new java.util.concurrent.CompletableFuture<String>();
            Thread.ofVirtual().start(() -> {
                try (InputStream in = Channels.newInputStream(ch)) {
                    answer.complete(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    answer.completeExceptionally(e);
                }
            });
            String response = answer.get(TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
            return response.startsWith("HTTP/1.") && response.contains(" 200 ") ? null
                    : "the engine at " + socket + " answered: " + response.lines().findFirst().orElse("nothing");
        } catch (java.util.concurrent.TimeoutException e) {
            return "the engine at " + socket + " did not answer within " + TIMEOUT_MS / 1000 + "s";
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (java.net.SocketException e) {
            if (String.valueOf(e.getMessage()).contains("Permission denied")) throw new AccessDeniedException(socket.toString());
            throw e;
        }
    }

    private static String pingTcp(String host) throws IOException {
        URI uri = URI.create(host.replaceFirst("^tcp://", "http://") + "/_ping");
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout(TIMEOUT_MS);
        c.setReadTimeout(TIMEOUT_MS);
        try {
            return c.getResponseCode() == 200 ? null : "the engine at " + host + " answered HTTP " + c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }
}
