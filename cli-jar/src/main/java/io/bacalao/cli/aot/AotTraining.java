package io.bacalao.cli.aot;

import io.bacalao.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The training run of the CLI's AOT cache (JEP 483/514; see docs/cli-startup.md): the build runs this class with
 * {@code -XX:AOTCacheOutput}, and the JVM records the classes, linkage and lambda forms that the commands people
 * type most often use, so that {@code ./bacalao} later starts with them already loaded and linked.
 *
 * <p>It runs those commands through {@link Main#run} against a loopback responder that answers the three routes
 * with fixed bodies in the API's shape ({@code src/main/resources/io/bacalao/cli/aot}). The responder is a plain
 * socket on purpose: a JDK HTTP server would put its own classes in the cache, to be loaded at every start. Every
 * command must exit 0, so that a model change that breaks the bodies fails the build instead of training on an
 * error path.
 */
public final class AotTraining {
    /** The commands trained, each against the responder. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("version"),
            List.of("job", "list"),
            List.of("node", "list"),
            List.of("job", "list", "--output", "json"));
    private static final Map<String, String> ROUTES = Map.of(
            "/api/v1/agent/version", "version.json",
            "/api/v1/orchestrator/jobs", "jobs.json",
            "/api/v1/orchestrator/nodes", "nodes.json");

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        StringWriter failures = new StringWriter();
        int failed = run(new PrintWriter(failures, true));
        if (failed > 0) {
            System.err.print(failures);
            System.exit(1);
        }
    }

    /** Runs every trained command; returns how many failed, each written to {@code report}. */
    static int run(PrintWriter report) throws IOException {
        int failed = 0;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().name("aot-training-responder").start(() -> serve(server));
            for (List<String> command : COMMANDS) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                String[] args = concat(command, "--api-host", "127.0.0.1", "--api-port", String.valueOf(server.getLocalPort()));
                int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
                if (code != 0) {
                    failed++;
                    report.println("AOT training: '" + String.join(" ", command) + "' exited " + code + ": " + err);
                }
            }
        }
        return failed;
    }

    private static String[] concat(List<String> command, String... more) {
        String[] all = command.toArray(new String[command.size() + more.length]);
        System.arraycopy(more, 0, all, command.size(), more.length);
        return all;
    }

    private static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                String path = requestPath(s.getInputStream());
                String resource = ROUTES.get(path);
                byte[] body = resource == null
                        ? ("{\"Status\":404,\"Message\":\"no route " + path + "\",\"Code\":\"NotFound\"}").getBytes(StandardCharsets.UTF_8)
                        : resource(resource);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 " + (resource == null ? "404 Not Found" : "200 OK")
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                if (server.isClosed()) return;
            }
        }
    }

    /** The path of a request (query dropped), read up to the end of its headers; the trained requests have no body. */
    private static String requestPath(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String requestLine = head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
        String[] parts = requestLine.split(" ");
        String target = parts.length > 1 ? parts[1] : "/";
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = AotTraining.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing training resource " + name);
            return in.readAllBytes();
        }
    }
}
