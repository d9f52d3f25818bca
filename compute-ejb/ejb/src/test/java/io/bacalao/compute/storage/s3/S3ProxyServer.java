package io.bacalao.compute.storage.s3;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * S3Proxy's standalone jar ({@code bacalao.s3proxy.jar}, copied by the build) as a separate process on 127.0.0.1 and
 * a free port, storing buckets as folders under {@code dir/store} (a bucket is a folder, an object a file), accepting
 * AWS v2/v4 signatures of {@link #ACCESS_KEY}/{@link #SECRET_KEY}. Stopped by its PID.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "AKIDBACALAOTEST";
    public static final String SECRET_KEY = "bacalao-test-secret";
    private final Process process;
    private final int port;
    private final Path store;

    private S3ProxyServer(Process process, int port, Path store) {
        this.process = process;
        this.port = port;
        this.store = store;
    }

    public static S3ProxyServer start(Path dir) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("bacalao.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("no S3Proxy jar at " + jar + " (mvn verify copies it)");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path store = Files.createDirectories(dir.resolve("store"));
        Path conf = dir.resolve("s3proxy.conf");
        Files.write(conf, List.of("s3proxy.endpoint=http://127.0.0.1:" + port, "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY, "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem-nio2", "jclouds.filesystem.basedir=" + store));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString(), "--properties", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        S3ProxyServer server = new S3ProxyServer(p, port, store);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!server.answers()) {
            if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                server.close();
                throw new IllegalStateException("S3Proxy did not start; see " + dir.resolve("s3proxy.log"));
            }
            Thread.sleep(100);
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

    /** Puts an object by writing the file S3Proxy's filesystem store reads. */
    public Path put(String bucket, String key, String content) throws IOException {
        Path f = store.resolve(bucket).resolve(key);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, content);
    }

    public Path bucketDir(String bucket) throws IOException {
        return Files.createDirectories(store.resolve(bucket));
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
