package io.bacalao.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for one test class: initdb into {@code dir}, listening on 127.0.0.1 only, trust
 * authentication, stopped by {@link #close}. As root it runs as the {@code postgres} user (initdb refuses root).
 */
public final class PostgresServer implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static PostgresServer start(Path dir) throws IOException, InterruptedException {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        TestCluster.deleteTree(dir);
        Files.createDirectories(dir);
        if (root) run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        int port = TestPorts.freeBlock(1);
        PostgresServer pg = new PostgresServer(bin, dir, port, root);
        pg.exec(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "--auth=trust", "-U", "postgres", "-E", "UTF8");
        pg.resume();
        pg.exec(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "bacalao");
        return pg;
    }

    /** Starts the server (again) on its data and port; returns once it accepts connections. */
    public void resume() throws IOException, InterruptedException {
        exec(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(),
                "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** Stops the server at once, as a crash would (open connections are cut); {@link #resume} starts it again. */
    public void crash() throws IOException, InterruptedException {
        exec(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/bacalao";
    }

    private void exec(String... cmd) throws IOException, InterruptedException {
        run(List.of(cmd), asPostgresUser);
    }

    private static void run(List<String> cmd, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(cmd);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed: " + out);
        }
    }

    private static Path findBin() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            throw new IOException("PostgreSQL is not installed (apt-get install postgresql; .ci/run does it)");
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Path::compareTo).orElseThrow(() -> new IOException("no initdb under " + base));
        }
    }

    @Override
    public void close() {
        try {
            exec(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
        } catch (IOException | InterruptedException e) {
            // already gone
        }
    }
}
