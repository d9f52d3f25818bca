package io.bacalao.cli.auth.sso;

import com.fasterxml.jackson.core.type.TypeReference;
import io.bacalao.cli.CliException;
import io.bacalao.domain.spec.Json;
import io.bacalao.payara.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tokens {@code auth sso login} obtained, one per API endpoint, in {@code <DataDir>/tokens.json} (mode 0600:
 * a token is a credential). A token past its expiry is not sent; the user logs in again. Reading a file that is
 * missing or unreadable yields no token, so a damaged file never stops a command that needs none.
 */
public final class SsoTokens {
    static final String FILE = "tokens.json";
    private static final TypeReference<Map<String, Token>> TYPE = new TypeReference<>() {
    };
    private final Path file;

    public SsoTokens(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    /** A stored token: what the provider returned, and when it stops being valid (null: the provider did not say). */
    public record Token(String accessToken, String tokenType, Instant expiry) {
        boolean isValidAt(Instant now) {
            return expiry == null || now.isBefore(expiry);
        }
    }

    /** {@code Bearer <token>} for the endpoint, when a token is stored for it and has not expired. */
    public Optional<String> bearerFor(String endpoint) {
        return get(endpoint).filter(t -> t.isValidAt(Instant.now())).map(t -> "Bearer " + t.accessToken());
    }

    public Optional<Token> get(String endpoint) {
        return Optional.ofNullable(read().get(endpoint));
    }

    public void put(String endpoint, Token token) {
        Map<String, Token> all = new TreeMap<>(read());
        all.put(endpoint, token);
        write(all);
    }

    /** Removes the endpoint's token; returns whether there was one. */
    public boolean remove(String endpoint) {
        Map<String, Token> all = new TreeMap<>(read());
        boolean had = all.remove(endpoint) != null;
        if (had) write(all);
        return had;
    }

    private Map<String, Token> read() {
        if (!Files.isRegularFile(file)) return Map.of();
        try {
            Map<String, Token> m = Json.mapper().readValue(file.toFile(), TYPE);
            return m == null ? Map.of() : m;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private void write(Map<String, Token> all) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            PrivateFiles.write(tmp, Json.mapper().writeValueAsBytes(all));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException("could not store the SSO token in " + file + ": " + e.getMessage(), null);
        }
    }
}
