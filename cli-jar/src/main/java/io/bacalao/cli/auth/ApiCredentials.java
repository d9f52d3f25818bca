package io.bacalao.cli.auth;

import io.bacalao.cli.CliException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's API credentials, from the environment as Bacalhau's CLI reads them ({@code cmd/util/api.go}
 * {@code resolveAuthCredentials}): an API key ({@code Authorization: Bearer <key>}) or a username and password
 * ({@code Authorization: Basic …}), never both. Each value is read from {@code BACALAO_API_*} or, when that is not
 * set, Bacalhau's {@code BACALHAU_API_*}, so Bacalhau's scripts work unchanged. Values are trimmed.
 */
public final class ApiCredentials {
    public static final String KEY = "API_KEY";
    public static final String USERNAME = "API_USERNAME";
    public static final String PASSWORD = "API_PASSWORD";

    private ApiCredentials() {
    }

    /** The Authorization header value for this process's environment, if credentials are set. */
    public static Optional<String> header() {
        return header(System.getenv());
    }

    public static Optional<String> header(Map<String, String> env) {
        Var key = Var.of(env, KEY);
        Var user = Var.of(env, USERNAME);
        Var password = Var.of(env, PASSWORD);
        if (key.isSet() && (user.isSet() || password.isSet())) {
            throw new CliException("authentication error: can't use both " + key.name() + " and "
                    + (user.isSet() ? user.name() : Var.bacalhau(USERNAME)) + "/"
                    + (password.isSet() ? password.name() : Var.bacalhau(PASSWORD)) + " simultaneously");
        }
        if (key.isSet()) return Optional.of("Bearer " + key.value());
        if (user.isSet() && password.isSet()) {
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(
                    (user.value() + ":" + password.value()).getBytes(StandardCharsets.UTF_8)));
        }
        if (user.isSet()) {
            throw new CliException("authentication error: " + user.name() + " provided but not " + user.sibling(PASSWORD));
        }
        if (password.isSet()) {
            throw new CliException("authentication error: " + password.name() + " provided but not " + password.sibling(USERNAME));
        }
        return Optional.empty();
    }

    /** Whether a variable is set under either name ({@code auth info}). */
    public static boolean isSet(Map<String, String> env, String suffix) {
        return Var.of(env, suffix).isSet();
    }

    /** A variable by its Bacalao name, else its Bacalhau name; {@code name} is the one that was read. */
    private record Var(String name, String value) {
        static Var of(Map<String, String> env, String suffix) {
            String own = env.get("BACALAO_" + suffix);
            if (own != null && !own.isBlank()) return new Var("BACALAO_" + suffix, own.strip());
            String theirs = env.get(bacalhau(suffix));
            return new Var(bacalhau(suffix), theirs == null ? "" : theirs.strip());
        }

        static String bacalhau(String suffix) {
            return "BACALHAU_" + suffix;
        }

        /** The other variable of the same family ({@code BACALAO_} or {@code BACALHAU_}). */
        String sibling(String suffix) {
            return name.substring(0, name.indexOf('_') + 1) + suffix;
        }

        boolean isSet() {
            return !value.isEmpty();
        }
    }
}
