package io.bacalao.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Artemis broker process as an operator would run one for the scale-out path: Bacalao's
 * {@code io.bacalao.broker.StandaloneBroker} with the shipped broker.xml, from {@code artemis-config/broker/target/standalone},
 * on 127.0.0.1:{@code port}, with {@code token} as the join token and {@code orchestratorPassword} as the
 * orchestrator's own password, its journal (and node bindings) under {@code dataDir}.
 */
public final class StandaloneBrokerProcess implements AutoCloseable {
    private final List<String> command;
    private final String token;
    private final String orchestratorPassword;
    private final Path log;
    private Process process;

    public StandaloneBrokerProcess(int port, String token, String orchestratorPassword, Path dataDir) {
        Path lib = Path.of(System.getProperty("bacalao.repo", "..")).toAbsolutePath()
                .resolve("artemis-config/broker/target/standalone");
        if (!Files.isDirectory(lib)) throw new IllegalStateException(lib + " is missing: run mvn -DskipTests package");
        this.command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dbacalao.broker.host=127.0.0.1", "-Dbacalao.broker.port=" + port, "-Dbacalao.broker.data=" + dataDir,
                "-cp", lib + "/*", "io.bacalao.broker.StandaloneBroker");
        this.token = token;
        this.orchestratorPassword = orchestratorPassword;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    /** Starts the broker and waits until it says it is ready. */
    public StandaloneBrokerProcess start() throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("BACALAO_BROKER_TOKEN", token);
        pb.environment().put("BACALAO_BROKER_ORCHESTRATOR_PASSWORD", orchestratorPassword);
        long from = Files.exists(log) ? Files.size(log) : 0;
        process = pb.start();
        Waits.until("the standalone broker to be ready (" + log + ")", Duration.ofSeconds(60),
                () -> read(from).contains("Bacalao broker ready") || !process.isAlive());
        if (!process.isAlive()) throw new IllegalStateException("the standalone broker exited: " + read(from));
        return this;
    }

    /** SIGTERM and wait: the broker goes away as in a restart. */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    public Path log() {
        return log;
    }

    private String read(long from) {
        try {
            String all = Files.readString(log);
            return all.substring((int) Math.min(from, all.length()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
