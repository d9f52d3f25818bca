package io.bacalao.cli.launch;

import io.bacalao.domain.config.Config;
import java.util.List;
import java.util.Optional;

/**
 * The one warning line {@code serve} and {@code devstack} print when the configuration sets Bacalhau keys that
 * Bacalao accepts but does not act on (docs/config.md, column Acts): such a file loads, and the user is told which
 * of its settings have no effect here.
 */
final class KeysNotActedOn {
    private KeysNotActedOn() {
    }

    static Optional<String> check(Config config) {
        List<String> keys = config.setButNotActedOn();
        if (keys.isEmpty()) return Optional.empty();
        return Optional.of("Warning: Bacalao accepts but does not act on these Bacalhau configuration keys: "
                + String.join(", ", keys) + " (see docs/config.md)");
    }
}
