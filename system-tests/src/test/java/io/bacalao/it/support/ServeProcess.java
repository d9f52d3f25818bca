package io.bacalao.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bacalao serve ARGS} as its own process (the launcher and the Payara node it starts), its output in
 * {@code log}; {@link #start} returns once the node says it is ready, and {@link #close} stops it and the node.
 */
public final class ServeProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ServeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code bacalao ARGS} (ARGS begin with {@code serve}) with {@code env} added to this JVM's environment. */
    public static ServeProcess start(Map<String, String> env, List<String> args, Path log) throws IOException {
        Process p = CliProcess.builder(env, args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServeProcess serve = new ServeProcess(p, log);
        try {
            Waits.until("the node to be ready (" + log + ")", TestCluster.READY, () -> {
                if (!p.isAlive()) throw new AssertionError("serve exited with " + p.exitValue() + "; see " + log);
                try {
                    return Files.readString(log).contains(" is ready; API on ");
                } catch (IOException e) {
                    return false;
                }
            });
            return serve;
        } catch (RuntimeException | Error e) {
            serve.close();
            throw e;
        }
    }

    public Path log() {
        return log;
    }

    /** Stops the launcher (its shutdown hook stops the node) and anything of it still alive a minute later. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (ProcessHandle c : children) if (c.isAlive()) c.destroyForcibly();
    }
}
