package io.bacalao.payara;

import java.io.IOException;
import java.net.URI;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import io.bacalao.payara.tls.ApiTls;

/**
 * A running Payara Micro node. {@link #start} writes the node's boot files under {@code <DataDir>/payara}
 * and launches {@code java -jar payara-micro.jar}; {@link #awaitReady} polls MicroProfile Health (a port clash
 * makes Payara hang rather than exit, so readiness, not the exit code, tells success); {@link #stop} asks for a
 * clean shutdown and kills after a grace period.
 */
public final class NodeProcess implements AutoCloseable {
    private final NodeSpec spec;
    private final List<String> command;
    /** Payara Micro's root dir, deleted before each launch. */
    private final Path root;
    private final Path log;
    private final Path javaHome;
    /** TLS of the API port, or null when it is plain HTTP. */
    private final ApiTls tls;
    private volatile Process process;
    /** Where this launch's lines begin in the log (a restarted node appends to its earlier starts' log). */
    private volatile long logStart;
    /** Set by {@link #stop}: no launch follows it. */
    private volatile boolean stopped;
    private boolean relaunched;

    private NodeProcess(NodeSpec spec, List<String> command, Path root, Path log, Path javaHome, ApiTls tls) {
        this.spec = spec;
        this.command = List.copyOf(command);
        this.root = root;
        this.log = log;
        this.javaHome = javaHome;
        this.tls = tls;
    }

    /**
     * Launches a node. Output goes to {@code log} (appended), or to this process's own output when null.
     */
    public static NodeProcess start(NodeSpec spec, RuntimeLayout runtime, Path javaHome, Path log) throws IOException {
        runtime.verify();
        PrivateFiles.directory(spec.dataDir());
        Path boot = PrivateFiles.directory(spec.dataDir().resolve("payara"));
        ApiTls tls = PayaraCommands.apiTls(spec) ? ApiTls.prepare(spec.config(), spec.dataDir(), spec.httpHost(), javaHome) : null;
        // the boot files carry the database password and the broker token
        PrivateFiles.write(boot.resolve("preboot.txt"), lines(PayaraCommands.preBoot(spec)));
        PrivateFiles.write(boot.resolve("postboot.txt"), lines(PayaraCommands.postBoot(spec)));
        Path props = boot.resolve("node.properties");
        Map<String, String> properties = systemProperties(spec);
        properties.putAll(ClientTls.systemProperties(spec.broker(), javaHome));
        writeProperties(props, properties);
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        // a JVM crash report goes beside the node's log, not into the launcher's working directory (a user's own)
        cmd.add("-XX:ErrorFile=" + spec.dataDir().toAbsolutePath().resolve("hs_err_pid%p.log"));
        // Payara boots its run levels in one thread: started by several, with the data grid off (PayaraCommands), a
        // boot was seen to deadlock on HK2's service locator now and then (docs/node-footprint.md). Before the
        // node's JVM options, so that one of them can name another policy (the last -D of a name wins).
        cmd.add("-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS");
        cmd.addAll(spec.jvmOptions());
        if (tls != null) cmd.addAll(tls.jvmOptions());
        // --disablephonehome stops Payara's usage report
        cmd.addAll(List.of("-Djava.net.preferIPv4Stack=true",
                "--enable-native-access=ALL-UNNAMED", "-jar", runtime.payaraMicro().toString(),
                "--nocluster", "--disablephonehome",
                "--rootdir", boot.resolve("root").toString(),
                "--port", String.valueOf(spec.httpPort()),
                "--prebootcommandfile", boot.resolve("preboot.txt").toString(),
                "--postbootcommandfile", boot.resolve("postboot.txt").toString(),
                "--systemproperties", props.toString(),
                "--addlibs", runtime.postgresDriver() + ":" + runtime.libraries()));
        if (spec.orchestrator() && spec.embeddedBroker()) cmd.addAll(List.of("--deploy", runtime.brokerWar().toString()));
        cmd.addAll(List.of("--deploy", runtime.resourceAdapter().toString()));
        if (spec.orchestrator()) cmd.addAll(List.of("--deploy", runtime.orchestratorWar().toString()));
        // a compute-only node's WAR at the root, so that its API port serves /api/v1/agent/* as Bacalhau's nodes do
        // (Payara Micro's "file:contextroot"); beside an orchestrator it keeps its own root, /compute
        if (spec.compute()) cmd.addAll(List.of("--deploy", runtime.computeWar() + (spec.orchestrator() ? "" : ":/")));
        if (log != null) {
            PrivateFiles.directory(log.toAbsolutePath().getParent());
            PrivateFiles.existingFile(log);
        }
        NodeProcess node = new NodeProcess(spec, cmd, boot.resolve("root"), log, javaHome, tls);
        node.launch();
        return node;
    }

    /** Starts Payara Micro on a fresh root dir, its output appended to the log. */
    private synchronized void launch() throws IOException {
        if (stopped) throw new IllegalStateException(spec.name() + " node was stopped");
        deleteTree(root);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (log == null) {
            pb.inheritIO();
        } else {
            logStart = Files.size(log);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        process = pb.start();
    }

    /**
     * Payara Micro's root dir is recreated at every start. Reused, it keeps the previous start's deployments and
     * resource-adapter config: Payara then deploys every application twice (the old copy, then the one named on the
     * command line), so a restarted compute node joined, went silent while redeploying and joined again, and a
     * changed broker setting was not applied. Nothing of the node's own state lives there (databases, journal and
     * executions are elsewhere under the data dir).
     */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Every Bacalhau key of the resolved config, plus what the node cannot work out itself. */
    static Map<String, String> systemProperties(NodeSpec spec) {
        Map<String, String> p = new java.util.LinkedHashMap<>(spec.config());
        p.put("bacalao.node.id", spec.nodeId());
        p.put("bacalao.broker.url", spec.brokerUrl());
        spec.inProcessBrokerUrl().ifPresent(url -> p.put("bacalao.broker.local.url", url));
        p.put("bacalao.broker.user", spec.brokerUser());
        p.put("bacalao.broker.password", spec.broker().token());
        p.put("bacalao.compute.queue", spec.computeQueue());
        p.put(PayaraCommands.DB_URL_PROPERTY, spec.database().url());
        p.put(PayaraCommands.DB_PASSWORD_PROPERTY, spec.database().password());
        return p;
    }

    private static void writeProperties(Path file, Map<String, String> values) throws IOException {
        Properties p = new Properties();
        p.putAll(values);
        try (var out = PrivateFiles.newFile(file)) {
            p.store(out, "written by the Bacalao launcher; regenerated at every start");
        }
    }

    private static byte[] lines(List<String> lines) {
        return (String.join(System.lineSeparator(), lines) + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Waits until MicroProfile Health reports UP; throws with the log's path when it does not in time, or when the
     * log shows that an application failed to deploy (Payara then stays up without it) a second time. The error
     * carries the log's first SEVERE lines and, for a node still booting, where its boot thread is
     * ({@link StartDiagnosis}).
     * <p>
     * After the first failed deployment the node is stopped and started once more, within the same timeout, and
     * this is said on standard error: Payara's boot was seen to fail so by itself (the resource adapter, once in
     * a CI run of about 55 node starts), and an orchestrator started just before its database gets a second try.
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        URI health = URI.create(scheme() + "://" + localHost() + ":" + spec.httpPort() + "/health/ready");
        String lastHealth = "none";
        StartDiagnosis.DeploymentWatch deployment = new StartDiagnosis.DeploymentWatch(log, logStart);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " node exited with code " + process.exitValue()
                        + (log == null ? "" : "; see " + log) + StartDiagnosis.errors(log, logStart));
            }
            try {
                Answer r = get(health);
                lastHealth = r.status() + " " + r.body();
                if (r.status() == 200 && r.body().replace(" ", "").startsWith("{\"status\":\"UP\"")
                        && hasOwnChecks(r.body()) && apiServes()) return;
            } catch (IOException notYet) {
                lastHealth = notYet.toString();
            }
            // an application that failed to deploy stays failed: the health answer may still be UP without checks
            // (a compute node's WAR at the root) or say no application is deployed
            if (deployment.failed()) {
                String failure = spec.name() + " node on port " + spec.httpPort() + " failed to deploy; see " + log
                        + StartDiagnosis.errors(log, logStart);
                if (relaunched) throw new IllegalStateException(failure);
                relaunched = true;
                System.err.println(failure + "; starting it once more");
                relaunch();
                deployment = new StartDiagnosis.DeploymentWatch(log, logStart);
                continue;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(spec.name() + " node on port " + spec.httpPort() + " not ready after "
                + timeout.toSeconds() + "s (last health answer: " + lastHealth + ")" + (log == null ? "" : "; see " + log)
                + StartDiagnosis.errors(log, logStart) + (process.isAlive() ? StartDiagnosis.bootThread(javaHome, pid(), log) : ""));
    }

    /**
     * Health answers UP before the applications have deployed (no checks yet), so readiness also needs the
     * checks of this node's roles to be present.
     */
    private boolean hasOwnChecks(String body) {
        return (!spec.orchestrator() || body.contains("\"job-store\""))
                && (!spec.compute() || body.contains("\"joined-orchestrator\""));
    }

    /**
     * Health can be UP a moment before the orchestrator's web module and its beans serve; a route that goes
     * through the API, the EJBs and the database must answer too. With API.Auth on, the authoriser's 401 answers
     * it (the web module serves; the node has no credential of its own to go further, by design).
     */
    private boolean apiServes() throws IOException {
        if (!spec.orchestrator()) return true;
        Answer r = get(URI.create(scheme() + "://" + localHost() + ":" + spec.httpPort() + "/api/v1/orchestrator/nodes?limit=1"));
        return (r.status() == 200 && r.body().contains("\"Nodes\""))
                || (r.status() == 401 && r.body().contains("\"Authorizer\""));
    }

    private record Answer(int status, String body) {
    }

    /**
     * A GET with hard connect and read timeouts (2 s each). HttpURLConnection rather than HttpClient: a
     * request timeout of HttpClient was seen not to fire while a node booted, blocking the caller for minutes.
     */
    private Answer get(URI uri) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        if (c instanceof HttpsURLConnection https) {
            // the node's own certificate, pinned: its names need not include the address probed here
            https.setSSLSocketFactory(tls.trustingItself().getSocketFactory());
            https.setHostnameVerifier((host, session) -> true);
        }
        c.setConnectTimeout(2000);
        c.setReadTimeout(2000);
        try {
            int status = c.getResponseCode();
            try (var in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                return new Answer(status, in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } finally {
            c.disconnect();
        }
    }

    /** {@code https} when the API port speaks TLS (docs/tls.md). */
    public String scheme() {
        return tls == null ? "http" : "https";
    }

    /** The API's TLS, or null for plain HTTP. */
    public ApiTls apiTls() {
        return tls;
    }

    private String localHost() {
        return "0.0.0.0".equals(spec.httpHost()) ? "127.0.0.1" : spec.httpHost();
    }

    public NodeSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    /** The node's exit code; empty while it runs. */
    public OptionalInt exitCode() {
        Process p = process;
        return p.isAlive() ? OptionalInt.empty() : OptionalInt.of(p.exitValue());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    private synchronized void relaunch() {
        terminate(Duration.ofSeconds(15));
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException(spec.name() + " node could not be started again: " + e.getMessage(), e);
        }
    }

    /** Asks the node to stop (SIGTERM) and kills it if it has not stopped within {@code grace}; it is not started again. */
    public void stop(Duration grace) {
        stopped = true;
        synchronized (this) {
            terminate(grace);
        }
    }

    private void terminate(Duration grace) {
        Process process = this.process;
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("node " + spec.name() + " (pid " + process.pid() + ") did not stop within "
                        + grace.toSeconds() + "s of SIGTERM; killed");
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, as a crash would. */
    public void kill() throws InterruptedException {
        stopped = true;
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
