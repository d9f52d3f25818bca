package io.bacalao.cli.launch;

import io.bacalao.payara.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A random 256-bit secret (64 hex digits) kept in a file only its owner can read, made the first time it is
 * asked for and the same ever after: a compute node's secret ({@code <DataDir>/node-secret}) that binds its node ID
 * on the broker, and an orchestrator's own broker password ({@code <DataDir>/broker-password}).
 */
final class SecretFile {
    static final String NODE_SECRET = "node-secret";
    static final String BROKER_PASSWORD = "broker-password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String s = Files.readString(file).trim();
                if (!s.isEmpty()) return s;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String secret = HexFormat.of().formatHex(bytes);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            PrivateFiles.write(tmp, (secret + "\n").getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the secret in " + file, e);
        }
    }
}
