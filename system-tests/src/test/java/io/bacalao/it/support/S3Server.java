package io.bacalao.it.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real S3 server for system tests: S3Proxy's standalone jar ({@code bacalao.s3proxy.jar}, copied by the build) as
 * its own process on 127.0.0.1 and a free port, buckets as folders under {@code dir/store}, accepting AWS v2/v4
 * signatures of one access key. Stopped by its PID. {@code deploy/s3-server.sh} starts the same server for users.
 */
public final class S3Server implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path store;

    private S3Server(Process process, int port, Path store) {
        this.process = process;
        this.port = port;
        this.store = store;
    }

    public static S3Server start(Path dir, String accessKey, String secretKey) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("bacalao.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("no S3Proxy jar at " + jar + " (mvn verify copies it)");
        int port = TestPorts.freeBlock(1);
        Files.createDirectories(dir);
        Path store = Files.createDirectories(dir.resolve("store"));
        Path conf = dir.resolve("s3proxy.conf");
        Files.write(conf, List.of("s3proxy.endpoint=http://127.0.0.1:" + port, "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + accessKey, "s3proxy.credential=" + secretKey,
                "jclouds.provider=filesystem-nio2", "jclouds.filesystem.basedir=" + store));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString(), "--properties", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        S3Server server = new S3Server(p, port, store);
        try {
            Waits.until("S3Proxy answers on port " + port, Duration.ofSeconds(120),
                    () -> {
                        if (!p.isAlive()) throw new IllegalStateException("S3Proxy exited; see " + dir.resolve("s3proxy.log"));
                        return server.answers();
                    });
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private boolean answers() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            c.disconnect();
            return status > 0;
        } catch (IOException e) {
            return false;
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** An object, written as the file S3Proxy's filesystem store serves. */
    public Path put(String bucket, String key, String content) throws IOException {
        Path f = store.resolve(bucket).resolve(key);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, content);
    }

    /** Where the object {@code key} of {@code bucket} is stored. */
    public Path object(String bucket, String key) {
        return store.resolve(bucket).resolve(key);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
