package io.bacalao.compute.registration;

import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <DataDir>/compute/registration.json}: written when an orchestrator first accepts this node (and again
 * when its membership changes). A node that finds it at start-up is a registered node coming back: its handshake
 * says so and the orchestrator keeps its membership instead of registering it anew. An orchestrator that no
 * longer knows it (the node was deleted) registers it again.
 */
public final class RegistrationMarker {
    public static final String FILE = "registration.json";
    private final Path file;
    private String written = "";

    public RegistrationMarker(Path computeDir) {
        this.file = computeDir.resolve(FILE);
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    public Path file() {
        return file;
    }

    /** Records the registration; rewrites the file only when node, broker or membership changed. */
    public void write(String nodeId, String brokerUrl, String membership, Instant at) {
        String key = nodeId + "|" + brokerUrl + "|" + membership;
        if (key.equals(written) && exists()) return;
        Map<String, String> m = new LinkedHashMap<>();
        m.put("NodeID", nodeId);
        m.put("Orchestrator", brokerUrl);
        m.put("Membership", membership);
        m.put("RegisteredAt", at.toString());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.writeString(tmp, Json.write(m) + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            written = key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the registration marker " + file, e);
        }
    }
}
