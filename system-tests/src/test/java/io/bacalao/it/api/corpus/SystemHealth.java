package io.bacalao.it.api.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.it.support.Api;
import io.bacalao.it.support.TestCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What "the system is still healthy" means after bad input: jobs still run, readiness is UP, no node ran out of memory. */
public final class SystemHealth {
    private SystemHealth() {
    }

    public static void assertHealthy(TestCluster cluster) throws IOException {
        Api api = cluster.api();
        String id = api.submit(Api.noopJob());
        assertEquals("Completed", api.awaitTerminal(id, Duration.ofMinutes(2)), "a normal noop job completes");
        Api.Response ready = api.get("/health/ready");
        assertEquals(200, ready.status(), "/health/ready: " + ready.body());
        assertTrue(ready.body().contains("\"UP\""), "/health/ready: " + ready.body());
        List<String> oom = outOfMemoryLines(cluster.root());
        assertTrue(oom.isEmpty(), "OutOfMemoryError in node logs: " + oom);
    }

    /** Lines mentioning OutOfMemoryError in any *.log under the cluster's folder, as "file: line". */
    static List<String> outOfMemoryLines(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log") && Files.isRegularFile(p)).toList()) {
                try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.contains("OutOfMemoryError")) found.add(root.relativize(f) + ": " + line);
                    }
                }
            }
        }
        return found;
    }
}
