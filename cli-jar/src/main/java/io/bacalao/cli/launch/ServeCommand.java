package io.bacalao.cli.launch;

import io.bacalao.cli.command.RootCommand;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.payara.NodeProcess;
import io.bacalao.payara.NodeSpec;
import io.bacalao.payara.PrivateFiles;
import io.bacalao.payara.WebUiListener;
import io.bacalao.payara.tls.ApiTls;
import io.bacalao.payara.tls.SelfSignedCertificate;
import io.bacalao.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bacalao serve}: runs this machine as an orchestrator, a compute node, or both. */
@Command(name = "serve", description = "Start a Bacalao node (orchestrator and/or compute) in the foreground.")
public class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--orchestrator", description = "Run the orchestrator (Orchestrator.Enabled).")
    boolean orchestrator;

    @Option(names = "--compute", description = "Run a compute node (Compute.Enabled).")
    boolean compute;

    @Option(names = "--name", description = "The node's name (its ID), used the first time the data dir is used;"
            + " later the kept name wins and a different --name is ignored with a warning.")
    String name;

    @Override
    public Integer call() throws Exception {
        if (name != null) NodeIdentity.valid(name);
        Map<String, String> flags = configFlags();
        Config config = ((RootCommand) spec.root().userObject()).resolveConfig(flags);
        if (!config.getBool(ConfigKeys.ORCHESTRATOR_ENABLED) && !config.getBool(ConfigKeys.COMPUTE_ENABLED)) {
            spec.commandLine().getErr().println("Warning: neither --orchestrator nor --compute given; running an orchestrator");
            config = config.with(ConfigKeys.ORCHESTRATOR_ENABLED, "true");
        }
        KeysNotActedOn.check(config).ifPresent(spec.commandLine().getErr()::println);
        ApiExposure.check(config).ifPresent(spec.commandLine().getErr()::println);
        NodeIdentity.ignoredName(dataDir(config), name).ifPresent(spec.commandLine().getErr()::println);
        NodeSpec node = NodeSpecs.of(config, name);
        Ports.requireFree(node.httpHost(), node.httpPort(), ConfigKeys.API_PORT);
        java.util.Optional<WebUiListener> webUi = Ports.requireFreeWebUi(node);
        if (node.embeddedBroker()) {
            Ports.requireFree(config.get(ConfigKeys.ORCHESTRATOR_HOST), config.getInt(ConfigKeys.ORCHESTRATOR_PORT),
                    ConfigKeys.ORCHESTRATOR_PORT);
        }
        ClassArchives archives = ClassArchives.fromEnvironment(System.getenv(), true);
        ClassArchives.Plan plan = archives.plan(node, Runtime.layout(), Runtime.javaHome());
        node = node.withJvmOptions(java.util.stream.Stream.concat(node.jvmOptions().stream(), plan.jvmOptions().stream()).toList());
        NodeProcess process;
        try {
            process = NodeProcess.start(node, Runtime.layout(), Runtime.javaHome(), null);
        } catch (ApiTls.SetupException e) {
            throw new CliException(e.getMessage(), "see docs/tls.md");
        }
        java.util.concurrent.atomic.AtomicBoolean ready = new java.util.concurrent.atomic.AtomicBoolean();
        ClassArchiveRecorder.loadBeforeShutdown();
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // a ready node that records its role's class archive writes it as it exits (docs/node-footprint.md)
            boolean wasReady = ready.get();
            process.stop(ClassArchiveRecorder.stopGrace(plan, wasReady, Duration.ofSeconds(20)));
            String archive = ClassArchiveRecorder.afterStop(process, plan, wasReady, archives);
            if (archive != null) System.err.println(archive);
        }));
        writeRunFile(process);
        Thread.ofVirtual().start(() -> ready.set(announce(process, plan, webUi)));
        return waitFor(process);
    }

    /** Waits for the node, says it is ready (and how its class archive fared); false when it never got ready. */
    /** The config keys this command's own flags set (flags win over files, env and -c). */
    Map<String, String> configFlags() {
        Map<String, String> flags = new LinkedHashMap<>();
        if (orchestrator) flags.put(ConfigKeys.ORCHESTRATOR_ENABLED, "true");
        if (compute) flags.put(ConfigKeys.COMPUTE_ENABLED, "true");
        // the root's deprecated --log-level (RootCommand): Bacalhau's flag for Logging.Level
        ((RootCommand) spec.root().userObject()).logLevel().ifPresent(l -> flags.put(ConfigKeys.LOGGING_LEVEL, l.toString()));
        return flags;
    }

    private boolean announce(NodeProcess process, ClassArchives.Plan plan, java.util.Optional<WebUiListener> webUi) {
        try {
            process.awaitReady(Duration.ofMinutes(5));
            NodeSpec n = process.spec();
            spec.commandLine().getErr().println("Bacalao " + n.name() + " node " + n.nodeId() + " is ready; API on "
                    + process.scheme() + "://" + n.httpHost() + ":" + n.httpPort());
            webUi.ifPresent(ui -> spec.commandLine().getErr().println("Web UI on " + ui.url(process.scheme())));
            String archive = ClassArchiveRecorder.afterReady(process, plan);
            if (archive != null) spec.commandLine().getErr().println(archive);
            return true;
        } catch (Exception e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return false;
        }
    }

    private static int waitFor(NodeProcess process) throws InterruptedException {
        while (process.isAlive()) Thread.sleep(500);
        return 0;
    }

    /**
     * {@code <DataDir>/bacalao.run}: how a client on this machine reaches the node; with API TLS the host is an
     * {@code https://} URL, and a self-signed certificate is named as the CA to trust (docs/tls.md).
     */
    private static void writeRunFile(NodeProcess process) throws java.io.IOException {
        NodeSpec node = process.spec();
        String host = node.httpHost().equals("0.0.0.0") ? "127.0.0.1" : node.httpHost();
        String run = "export BACALAO_API_HOST=" + (process.apiTls() == null ? "" : "https://") + host
                + "\nexport BACALAO_API_PORT=" + node.httpPort() + "\n";
        Path selfSigned = node.dataDir().resolve("api-tls").resolve(SelfSignedCertificate.CERT);
        if (process.apiTls() != null && node.config().getOrDefault(ConfigKeys.API_TLS_CERT_FILE, "").isBlank()
                && Files.isRegularFile(selfSigned)) {
            run += "export BACALAO_API_TLS_CAFILE=" + selfSigned.toAbsolutePath() + "\n";
        }
        PrivateFiles.directory(node.dataDir());
        Files.writeString(node.dataDir().resolve("bacalao.run"), run);
    }

    static Path dataDir(Config c) {
        return Path.of(c.get(ConfigKeys.DATA_DIR));
    }
}
