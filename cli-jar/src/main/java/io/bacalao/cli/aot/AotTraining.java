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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The training run of the CLI's AOT cache (JEP 483/514; see docs/cli-startup.md): the build runs this class with
 * {@code -XX:AOTCacheOutput}, and the JVM records the classes, linkage and lambda forms that the commands people
 * type most often use, so that {@code ./bacalao} later starts with them already loaded and linked.
 *
 * <p>It runs those commands through {@link Main#run} against a loopback responder that answers their routes with
 * fixed bodies in the API's shape ({@code src/main/resources/io/bacalao/cli/aot}); the submitting commands submit a
 * job that has already ended, so that they read its history once and its record, print, and exit. The responder is
 * a plain socket on purpose: a JDK HTTP server would put its own classes in the cache, to be loaded at every start.
 * Every command must exit 0, so that a model change that breaks the bodies fails the build instead of training on
 * an error path.
 */
public final class AotTraining {
    /** The job that {@code job run} submits in training: a YAML file, as in Bacalhau's tutorials. */
    private static final String SPEC = "Name: training\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n"
            + "      Type: docker\n      Params:\n        Image: ubuntu\n        Entrypoint: [echo, hi]\n";
    /** The body of each trained request, by method and path ({@code {id}}: any job ID). */
    private static final Map<String, String> ROUTES = Map.of(
            "GET /api/v1/agent/version", "version.json",
            "GET /api/v1/orchestrator/jobs", "jobs.json",
            "GET /api/v1/orchestrator/nodes", "nodes.json",
            "PUT /api/v1/orchestrator/jobs", "submitted.json",
            "GET /api/v1/orchestrator/jobs/{id}", "job.json",
            "GET /api/v1/orchestrator/jobs/{id}/history", "history.json");
    private static final Pattern JOB_ID = Pattern.compile("^(/api/v1/orchestrator/jobs/)[^/]+");

    /** A trained command line: the command's words, then the API's flags, then its own flags and arguments. */
    record Trained(List<String> command, List<String> args) {
        String[] against(int port) {
            List<String> all = new ArrayList<>(command);
            all.addAll(List.of("--api-host", "127.0.0.1", "--api-port", String.valueOf(port)));
            all.addAll(args);
            return all.toArray(String[]::new);
        }

        @Override
        public String toString() {
            return String.join(" ", command) + (args.isEmpty() ? "" : " " + String.join(" ", args));
        }
    }

    /** The commands trained, each against the responder; {@code spec} is the job file that {@code job run} reads. */
    static List<Trained> commands(Path spec) {
        return List.of(
                new Trained(List.of("version"), List.of()),
                new Trained(List.of("job", "list"), List.of()),
                new Trained(List.of("node", "list"), List.of()),
                new Trained(List.of("job", "list"), List.of("--output", "json")),
                new Trained(List.of("job", "run"), List.of(spec.toString())),
                new Trained(List.of("docker", "run"), List.of("ubuntu", "echo", "hi")));
    }

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
        Path spec = Files.createTempFile("bacalao-aot-training", ".yaml");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Files.writeString(spec, SPEC);
            Thread.ofPlatform().daemon().name("aot-training-responder").start(() -> serve(server));
            for (Trained command : commands(spec)) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                        command.against(server.getLocalPort()));
                if (code != 0) {
                    failed++;
                    report.println("AOT training: '" + command + "' exited " + code + ": " + err);
                }
            }
        } finally {
            Files.deleteIfExists(spec);
        }
        return failed;
    }

    private static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                String route = route(s.getInputStream());
                String resource = ROUTES.get(route);
                byte[] body = resource == null
                        ? ("{\"Status\":404,\"Message\":\"no route " + route + "\",\"Code\":\"NotFound\"}").getBytes(StandardCharsets.UTF_8)
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

    /**
     * The route of a request, {@code METHOD path} (query dropped, a job ID as {@code {id}}), read up to the end of its
     * headers; its body, if any, is read and dropped.
     */
    private static String route(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        List<String> lines = head.toString(StandardCharsets.US_ASCII).lines().toList();
        in.readNBytes(lines.stream().filter(l -> l.regionMatches(true, 0, "Content-Length:", 0, 15))
                .mapToInt(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0));
        String[] parts = lines.isEmpty() ? new String[0] : lines.get(0).split(" ");
        String target = parts.length > 1 ? parts[1] : "/";
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        return (parts.length > 0 ? parts[0] : "") + " " + JOB_ID.matcher(path).replaceFirst("$1{id}");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = AotTraining.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing training resource " + name);
            return in.readAllBytes();
        }
    }
}
